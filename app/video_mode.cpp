// app/video_mode.cpp — `almalyk video --tour NAME [--size WxH] [--fps N] [--lang CODE] --out FILE.mp4|DIR/`:
// a tour rendered offline, frame by frame, at a fixed step of 1/fps tour seconds (no wall clock anywhere), so the
// same command gives the same frames on every run. Captions are burned in (the player's overlay, no controls).
//   --out DIR/   numbered PNGs DIR/frame_000001.png ... (the folder is created; each file written atomically)
//   --out X.mp4  H.264 by piping raw RGBA frames to ffmpeg (a Debian package; scripts/deps installs it). The file
//                is written as X.mp4.part beside the target and renamed when ffmpeg succeeded, so a failed or
//                killed export leaves the previous X.mp4. Without ffmpeg: exit 1 naming the package and --out DIR/.
// Progress (percentage, frame, frames per second, ETA) on stderr, redrawn in place about twice a second.
// Errors: bad options exit 2 before anything is rendered; a failed write or encoder exits 1 with the reason.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "app/directors.h"
#include "app/frame_loop.h"
#include "app/screenshot.h"
#include "app/session.h"
#include "app/tour_player.h"
#include "engine/gfx/context.h"
#include "engine/image.h"

extern char** environ;

namespace app {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool endsWithSlash(const std::string& s) { return !s.empty() && s.back() == '/'; }

std::string findOnPath(const std::string& exe) {
    const char* path = std::getenv("PATH");
    std::string p = path ? path : "/usr/bin:/bin";
    std::size_t i = 0;
    while (i <= p.size()) {
        std::size_t j = p.find(':', i);
        if (j == std::string::npos) j = p.size();
        const std::string dir = p.substr(i, j - i);
        if (!dir.empty()) {
            const std::string candidate = dir + "/" + exe;
            if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        }
        i = j + 1;
    }
    return {};
}

// ffmpeg reading raw RGBA frames on its stdin.
class Encoder {
public:
    ~Encoder() { abort(); }
    bool start(const std::string& ffmpeg, const std::string& out, int w, int h, int fps, std::string* why) {
        int fds[2];
        if (::pipe(fds) != 0) {
            *why = std::string("pipe: ") + std::strerror(errno);
            return false;
        }
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        const std::string rate = std::to_string(fps);
        // bitexact: no encoder version strings, so two exports of one tour are the same bytes.
        const char* argv[] = {ffmpeg.c_str(), "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo",
                              "-pix_fmt", "rgba", "-video_size", size.c_str(), "-framerate", rate.c_str(), "-i", "-",
                              "-c:v", "libx264", "-preset", "medium", "-crf", "18", "-pix_fmt", "yuv420p",
                              "-movflags", "+faststart", "-fflags", "+bitexact", "-flags:v", "+bitexact",
                              "-f", "mp4", out.c_str(), nullptr};
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
        posix_spawn_file_actions_addclose(&fa, fds[1]);
        const int rc = posix_spawn(&m_pid, ffmpeg.c_str(), &fa, nullptr, const_cast<char* const*>(argv), environ);
        posix_spawn_file_actions_destroy(&fa);
        ::close(fds[0]);
        if (rc != 0) {
            ::close(fds[1]);
            *why = ffmpeg + ": " + std::strerror(rc);
            m_pid = -1;
            return false;
        }
        m_fd = fds[1];
        ::signal(SIGPIPE, SIG_IGN);  // ffmpeg dying mid-export is a write error here, not a silent kill
        return true;
    }
    bool write(const eng::Image& img, std::string* why) {
        const std::size_t row = static_cast<std::size_t>(img.width) * 4;
        // The image is top row first, which is what rawvideo expects.
        const std::uint8_t* p = img.rgba.data();
        std::size_t left = row * static_cast<std::size_t>(img.height);
        while (left > 0) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                *why = std::string("ffmpeg stopped reading frames (") + std::strerror(errno) + ")";
                return false;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        return true;
    }
    bool finish(std::string* why) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
        int status = 0;
        if (m_pid > 0 && ::waitpid(m_pid, &status, 0) < 0) status = -1;
        m_pid = -1;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            *why = "ffmpeg failed (exit status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                   "; its message is above)";
            return false;
        }
        return true;
    }
    void abort() {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
        m_pid = -1;
    }

private:
    pid_t m_pid = -1;
    int m_fd = -1;
};

class VideoDirector : public Director {
public:
    VideoDirector(const VideoOptions& o, TourPlayback& play, Encoder* enc)
        : m_o(o), m_play(play), m_enc(enc), m_t0(Clock::now()) {
        m_expected = static_cast<int>(std::ceil(play.timeline().total * o.fps)) + 1;
    }
    bool running(const Session&) const override { return m_exit == 0 && !m_done; }
    FramePlan plan(Session& s) override {
        FramePlan p;
        m_play.frame(s, m_frame == 0 ? 0.0 : 1.0 / m_o.fps, p);
        p.dt = static_cast<float>(1.0 / m_o.fps);
        p.applyCommands = false;  // nothing but the tour changes the world
        p.notices = false;
        p.swap = false;           // read back, never shown
        return p;
    }
    void drawUi(Session& s, const FramePlan&, const scenes::FrameInput&, std::vector<sim::Command>&) override {
        m_play.drawOverlay(s);
    }
    void afterRender(Session& s, const FramePlan&) override {
        m_play.afterRender(s);
        const eng::Image img = s.renderer->readPixels();
        ++m_frame;
        std::string why;
        bool ok = true;
        if (m_enc) {
            ok = m_enc->write(img, &why);
        } else {
            char name[32];
            std::snprintf(name, sizeof name, "frame_%06d.png", m_frame);
            ok = eng::writePng(img, (fs::path(m_o.out) / name).string(), &why);
        }
        if (!ok) {
            m_exit = s.fail(1, "frame " + std::to_string(m_frame) + ": " + why);
            return;
        }
        progress(false);
    }
    void endFrame(Session& s, const FramePlan&) override {
        m_play.endFrame(s);
        if (m_play.finished()) m_done = true;
    }
    int exitCode() const override { return m_exit; }
    int frames() const { return m_frame; }
    void progress(bool last) {
        const double wall = std::chrono::duration<double>(Clock::now() - m_t0).count();
        if (!last && wall - m_lastPrint < 0.5) return;
        m_lastPrint = wall;
        const double f = std::min(1.0, static_cast<double>(m_frame) / std::max(m_expected, 1));
        const double fps = wall > 0 ? m_frame / wall : 0.0;
        const double eta = fps > 0 ? (m_expected - m_frame) / fps : 0.0;
        char bar[31];
        const int filled = static_cast<int>(f * 30.0);
        for (int i = 0; i < 30; ++i) bar[i] = i < filled ? '#' : '.';
        bar[30] = '\0';
        std::fprintf(stderr, "\ralmalyk video: [%s] %3.0f%%  frame %d/%d  %.1f frames/s  ETA %d:%02d   ", bar,
                     f * 100.0, m_frame, m_expected, fps, static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
        if (last) std::fputc('\n', stderr);
        std::fflush(stderr);
    }

private:
    VideoOptions m_o;
    TourPlayback& m_play;
    Encoder* m_enc;
    Clock::time_point m_t0;
    double m_lastPrint = -1.0;
    int m_frame = 0, m_expected = 1, m_exit = 0;
    bool m_done = false;
};

}  // namespace

int runVideo(const VideoOptions& o) {
    Session s("video");
    if (o.tour.empty()) return s.fail(2, "--tour NAME is required ('almalyk tours' lists them)");
    if (o.out.empty()) return s.fail(2, "--out FILE.mp4 or --out DIR/ is required");
    if (o.fps < 1 || o.fps > 120) return s.fail(2, "--fps " + std::to_string(o.fps) + ": expected 1..120");
    const bool pngs = endsWithSlash(o.out) || fs::is_directory(o.out);
    std::string ffmpeg;
    if (!pngs) {
        ffmpeg = findOnPath("ffmpeg");
        if (ffmpeg.empty())
            return s.fail(1, "ffmpeg not found: install it (apt-get install ffmpeg, or ./scripts/deps), or write "
                             "numbered PNG frames with --out DIR/");
    }
    if (int rc = s.prepare(o)) return rc;
    std::string why;
    Tour tour;
    if (int rc = readSessionTour(s, o.tour, o.assetsDir, &tour)) return rc;
    RenderOptions ro = o;
    ro.scene = tour.steps.front().scene;
    if (int rc = s.open(ro, {.visible = false, .fullscreen = false, .vsync = false})) return rc;
    if (int rc = checkPictureSize(s, o)) return rc;
    TourPlayback play;
    if (!play.begin(s, std::move(tour), o, &why)) return s.fail(2, why);

    std::error_code ec;
    std::string partial;
    Encoder enc;
    if (pngs) {
        fs::create_directories(o.out, ec);
        if (ec) return s.fail(1, o.out + ": cannot create the folder (" + ec.message() + ")");
    } else {
        partial = o.out + ".part";
        if (!enc.start(ffmpeg, partial, s.window->framebufferSize().x, s.window->framebufferSize().y, o.fps, &why))
            return s.fail(1, why);
    }
    VideoDirector d(o, play, pngs ? nullptr : &enc);
    int rc = runFrameLoop(s, d);
    d.progress(true);
    if (!pngs) {
        if (rc == 0 && !enc.finish(&why)) rc = s.fail(1, why);
        if (rc != 0) {
            enc.abort();
            fs::remove(partial, ec);
            return rc;
        }
        fs::rename(partial, o.out, ec);
        if (ec) {
            fs::remove(partial, ec);
            return s.fail(1, o.out + ": " + ec.message());
        }
    }
    if (rc == 0 && eng::gfx::errorCount() > 0) rc = s.fail(1, "GL errors while rendering (see above)");
    if (rc == 0)
        std::fprintf(stderr, "almalyk video: wrote %s (%d frames, %dx%d, %d fps, %s)\n", o.out.c_str(), d.frames(),
                     s.window->framebufferSize().x, s.window->framebufferSize().y, o.fps, play.tour().name.c_str());
    return rc;
}

}  // namespace app
