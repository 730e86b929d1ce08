// app/main.cpp — the almalyk executable: every mode goes through the one command-line parser (app/cli.h).
#include "app/cli.h"

int main(int argc, char** argv) { return app::parseAndRun(argc, argv); }
