// engine/atomic_file.h — writing an output file so that the previous one survives any failure: the bytes go to a
// temporary file beside the target (same folder, so the same file system), which is flushed, fsync'ed, closed and
// then renamed over the target in one step. A killed run, a full disk or a failed rename leaves the old file as it was.
// Use (all at once):
//   std::string why;
//   if (!eng::writeFileAtomic("run.csv", text, &why)) fprintf(stderr, "%s\n", why.c_str());
// Use (streaming, e.g. a CSV written row by row):
//   eng::AtomicFile f;
//   if (!f.open("run.csv", &why)) ...;
//   f.stream() << row << '\n';          // or f.write(bytes, n)
//   if (!f.commit(&why)) ...;            // nothing reaches "run.csv" before this
// Errors: false with *why = "PATH: <step> failed: <strerror>", e.g. "out.csv: write failed: No space left on
//   device"; the first failure is kept and every later step is skipped. Without commit(), the destructor removes the
//   temporary file and the target is untouched. A killed process may leave ".NAME.tmp-PID-N" beside the target.
// The new file gets the old file's permission bits, or 0666 less the umask for a new one. A symbolic link is followed
//   (the file it names is replaced, the link stays). A target that exists and is not a regular file (/dev/stdout, a
//   pipe) cannot be replaced: it is written in place, with the same error checks.
// Does NOT: lock against other writers, or fsync the folder's other entries.
#pragma once
#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace eng {

bool writeFileAtomic(const std::string& path, std::string_view bytes, std::string* why);

// True if a and b name one file: the same file when both exist (links, "..", hard links), else the same absolute path
// with links and ".." resolved as far as they exist. For "an output may never overwrite an input of the same run".
bool sameFile(const std::string& a, const std::string& b);

class AtomicFile {
public:
    AtomicFile();
    ~AtomicFile();  // not committed: the temporary file is removed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    bool open(const std::string& path, std::string* why);
    // Buffered; false once any write has failed (the reason comes from commit).
    bool write(const void* data, std::size_t n);
    // A stream over write(): it goes bad at the first failure.
    std::ostream& stream();
    // Flush, fsync, close, rename over the target. False (with the first failure's reason) if any step failed.
    bool commit(std::string* why);
    bool failed() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace eng
