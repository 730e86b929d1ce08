/* tests/sanitizer/keep_modules.c — LD_PRELOADed by scripts/sanitize into the processes the tests start: dlclose
 * does nothing, so a library stays mapped until the process ends. The GL driver (Mesa's swrast_dri.so, llvmpipe) is
 * dlopened by libGLX and closed again when the display closes; LeakSanitizer reports at exit, after that, and then the
 * driver's 240 bytes of leaked allocations come from "<unknown module>", which no suppression can name. With the
 * driver kept mapped the report names swrast_dri.so and tests/sanitizer/lsan.supp suppresses exactly that module.
 * (The other way, ASAN_OPTIONS=fast_unwind_on_malloc=0 to reach our caller, makes one shot take minutes.) */
int dlclose(void* handle) {
    (void)handle;
    return 0;
}
