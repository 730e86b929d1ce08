// eng::setNextWindowPos (engine/gui.h) with real ImGui windows, headless: a panel placed at the left edge sits at the
// right edge in Arabic (its right side where its left side was), a live language switch moves it across and back, and
// a window the user has moved stays where they put it until the language changes.
#include <doctest/doctest.h>

#include <imgui.h>

#include "engine/gui.h"
#include "engine/i18n.h"
#include "headless_imgui.h"

TEST_CASE("gui: panels are mirrored in a right-to-left language, and a live switch moves them") {
    HeadlessImGui ui;
    std::string why;
    REQUIRE(eng::setLanguage("en", &why));
    ImVec2 pos, size;
    const auto panel = [&] {
        eng::setNextWindowPos("mirror test", 10.0f, 60.0f, ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(300, 200), ImGuiCond_Always);
        ImGui::Begin("mirror test");
        pos = ImGui::GetWindowPos();
        size = ImGui::GetWindowSize();
        ImGui::End();
    };
    ui.frame(panel);
    ui.frame(panel);
    CHECK(pos.x == doctest::Approx(10.0f));
    CHECK(pos.y == doctest::Approx(60.0f));
    const float width = ImGui::GetIO().DisplaySize.x;

    REQUIRE_MESSAGE(eng::setLanguage("ar", &why), why);
    ui.frame(panel);
    ui.frame(panel);
    CHECK(pos.x + size.x == doctest::Approx(width - 10.0f));   // its right edge 10 px from the screen's right edge
    CHECK(pos.y == doctest::Approx(60.0f));

    // Moved by the user: FirstUseEver keeps it there while the language stays.
    ImGui::SetWindowPos("mirror test", ImVec2(500, 300));
    ui.frame(panel);
    CHECK(pos.x == doctest::Approx(500.0f));

    REQUIRE(eng::setLanguage("en", &why));
    ui.frame(panel);
    ui.frame(panel);
    CHECK(pos.x == doctest::Approx(10.0f));   // back at the left edge
}

// eng::ReadingTable: in a right-to-left language the first-read column stands at the right, its header over it, and
// a cell's text sits against the column's right side; in English the same code keeps the usual order.
TEST_CASE("gui: tables read from the right in Arabic, from the left in English") {
    HeadlessImGui ui;
    std::string why;
    float first = 0.0f, last = 0.0f, firstRight = 0.0f, cellRight = 0.0f;
    const auto panel = [&] {
        ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(600, 200), ImGuiCond_Always);
        ImGui::Begin("reading table test");
        if (ImGui::BeginTable("t", 3, ImGuiTableFlags_SizingStretchSame)) {
            eng::ReadingTable t(3);
            t.setupColumn("first");
            t.setupColumn("second");
            t.setupColumn("third");
            t.commitSetup(false);
            t.nextRow();
            t.nextColumn();
            t.cell("a");
            first = ImGui::GetItemRectMin().x;
            cellRight = ImGui::GetItemRectMax().x;
            firstRight = ImGui::GetContentRegionMax().x + ImGui::GetWindowPos().x;
            t.nextColumn();
            t.cell("b");
            t.nextColumn();
            t.cell("c");
            last = ImGui::GetItemRectMin().x;
            ImGui::EndTable();
        }
        ImGui::End();
    };
    REQUIRE(eng::setLanguage("en", &why));
    ui.frame(panel);
    ui.frame(panel);
    CHECK(first < last);
    REQUIRE_MESSAGE(eng::setLanguage("ar", &why), why);
    ui.frame(panel);
    ui.frame(panel);
    CHECK(first > last);                                          // the first-read column at the right
    CHECK(cellRight == doctest::Approx(firstRight).epsilon(0.02));  // its text against the column's right side
    REQUIRE(eng::setLanguage("en", &why));
}
