#include "engine/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <streambuf>

namespace eng {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kBufferBytes = std::size_t{1} << 16;

std::atomic<unsigned> g_tempCounter{0};

}  // namespace

struct AtomicFile::Impl : std::streambuf {
    std::string target;    // the file that is replaced (a link's destination)
    std::string shown;     // the path as given, for messages
    std::string temp;      // empty when writing in place
    int fd = -1;
    std::string failure;   // the first failure, "<step> failed: <reason>"
    std::string buf;
    std::ostream out{this};

    void fail(const char* step, int err) {
        if (failure.empty()) failure = std::string(step) + " failed: " + std::strerror(err);
    }
    bool flushBuffer() {
        std::size_t done = 0;
        while (failure.empty() && done < buf.size()) {
            const ssize_t n = ::write(fd, buf.data() + done, buf.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) fail("write", n < 0 ? errno : ENOSPC);
            else done += static_cast<std::size_t>(n);
        }
        buf.clear();
        return failure.empty();
    }
    bool put(const char* data, std::size_t n) {
        if (fd < 0 || !failure.empty()) return false;
        if (buf.size() + n > kBufferBytes && !flushBuffer()) return false;
        if (n >= kBufferBytes) {
            buf.assign(data, n);
            return flushBuffer();
        }
        buf.append(data, n);
        return true;
    }
    void closeAndDrop() {
        if (fd >= 0) ::close(fd);
        fd = -1;
        if (!temp.empty()) ::unlink(temp.c_str());
        temp.clear();
    }

    // std::streambuf: unbuffered on its side, so every character goes through put().
    int_type overflow(int_type ch) override {
        if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
        const char c = traits_type::to_char_type(ch);
        return put(&c, 1) ? ch : traits_type::eof();
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        return put(s, static_cast<std::size_t>(n)) ? n : 0;
    }
};

AtomicFile::AtomicFile() : m(std::make_unique<Impl>()) {}

AtomicFile::~AtomicFile() { m->closeAndDrop(); }

bool AtomicFile::open(const std::string& path, std::string* why) {
    m->closeAndDrop();
    m->failure.clear();
    m->buf.clear();
    m->out.clear();
    m->shown = path;
    std::error_code ec;
    // A link is followed, so the link stays and the file it names is replaced.
    m->target = fs::is_symlink(path, ec) ? fs::weakly_canonical(path, ec).string() : path;
    if (ec || m->target.empty()) m->target = path;
    struct stat st {};
    const bool exists = ::stat(m->target.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        if (why) *why = path + ": is a folder";
        return false;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        // /dev/stdout, a pipe: there is nothing to rename over; write in place.
        m->fd = ::open(m->target.c_str(), O_WRONLY | O_CLOEXEC | O_TRUNC);
        if (m->fd < 0) {
            if (why) *why = path + ": cannot open for writing: " + std::strerror(errno);
            return false;
        }
        return true;
    }
    fs::path dir = fs::path(m->target).parent_path();
    const std::string name = fs::path(m->target).filename().string();
    for (int attempt = 0; attempt < 100 && m->fd < 0; ++attempt) {
        const std::string temp = (dir / ("." + name + ".tmp-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(g_tempCounter.fetch_add(1))))
                                     .string();
        m->fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m->fd >= 0) m->temp = temp;
        else if (errno != EEXIST) break;
    }
    if (m->fd < 0) {
        if (why) *why = path + ": cannot create a file in its folder: " + std::strerror(errno);
        return false;
    }
    // The replacement keeps the old file's permission bits (a user's chmod survives a rewrite).
    if (exists && ::fchmod(m->fd, st.st_mode & 07777) != 0) m->fail("chmod", errno);
    return true;
}

bool AtomicFile::write(const void* data, std::size_t n) { return m->put(static_cast<const char*>(data), n); }

std::ostream& AtomicFile::stream() { return m->out; }

bool AtomicFile::failed() const { return !m->failure.empty() || m->fd < 0; }

bool AtomicFile::commit(std::string* why) {
    if (m->fd < 0) m->fail("write", EBADF);  // never opened, or open failed
    if (m->fd >= 0) {
        m->flushBuffer();
        // fsync before rename: otherwise a crash after the rename can leave an empty file under the old name.
        if (m->failure.empty() && !m->temp.empty() && ::fsync(m->fd) != 0) m->fail("fsync", errno);
        if (::close(m->fd) != 0) m->fail("close", errno);
        m->fd = -1;
    }
    if (m->failure.empty() && !m->temp.empty()) {
        if (::rename(m->temp.c_str(), m->target.c_str()) != 0) m->fail("rename", errno);
        else m->temp.clear();
        // The folder's entry is durable once the folder is synced; its failure loses nothing written, so ignored.
        if (m->failure.empty()) {
            fs::path dir = fs::path(m->target).parent_path();
            if (dir.empty()) dir = fs::path(".");
            const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (dfd >= 0) {
                (void)::fsync(dfd);
                ::close(dfd);
            }
        }
    }
    const bool ok = m->failure.empty();
    if (!ok && why) *why = m->shown + ": " + m->failure;
    m->closeAndDrop();
    return ok;
}

bool writeFileAtomic(const std::string& path, std::string_view bytes, std::string* why) {
    AtomicFile f;
    if (!f.open(path, why)) return false;
    f.write(bytes.data(), bytes.size());
    return f.commit(why);
}

bool sameFile(const std::string& a, const std::string& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) {
        const bool same = fs::equivalent(a, b, ec);
        if (!ec) return same;
    }
    const fs::path ca = fs::weakly_canonical(fs::absolute(a, ec), ec);
    const fs::path cb = fs::weakly_canonical(fs::absolute(b, ec), ec);
    return ca.lexically_normal() == cb.lexically_normal();
}

}  // namespace eng
