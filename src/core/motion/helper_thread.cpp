#include "core/motion/helper_thread.hpp"

#include <chrono>
#include <utility>

namespace psoas {

namespace {
// Tells the core the loop is spinning (x86's PAUSE; elsewhere a plain loop).
void relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}
}  // namespace

HelperThread::HelperThread() {
    // The browser page is built without pthreads (cmake/Web.cmake): no thread there, and none on
    // a single core.
#if !defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__)
    if (std::thread::hardware_concurrency() > 1) thread_ = std::thread([this] { loop(); });
#endif
}

HelperThread::~HelperThread() {
    if (!thread_.joinable()) return;
    stopping_.store(true, std::memory_order_relaxed);
    signal();
    thread_.join();
}

void HelperThread::signal() {
    signals_.fetch_add(1, std::memory_order_release);
    signals_.notify_one();
}

void HelperThread::prepare() {
    if (thread_.joinable()) signal();
}

void HelperThread::start(void (*call)(void*), void* job) {
    call_ = call;
    job_ = job;
    if (thread_.joinable()) {
        // The signal first: a helper that sees the job has then seen its signal too, and sleeps after it.
        signals_.fetch_add(1, std::memory_order_relaxed);
        started_.fetch_add(1, std::memory_order_release);  // publishes call_ and job_
        signals_.notify_one();
        return;
    }
    try {
        call(job);
    } catch (...) {
        failure_ = std::current_exception();
    }
}

std::exception_ptr HelperThread::finish() {
    if (thread_.joinable()) {
        const unsigned target = started_.load(std::memory_order_relaxed);
        for (unsigned done = finished_.load(std::memory_order_acquire); done != target; done = finished_.load(std::memory_order_acquire))
            finished_.wait(done, std::memory_order_acquire);
    }
    return std::exchange(failure_, nullptr);
}

bool HelperThread::awaitJob(unsigned done) const {
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(kReadySpinMicroseconds);
    while (started_.load(std::memory_order_acquire) == done) {
        if (stopping_.load(std::memory_order_relaxed) || std::chrono::steady_clock::now() > until) return false;
        relax();
    }
    return true;
}

void HelperThread::loop() {
    unsigned seen = 0, done = 0;
    for (;;) {
        signals_.wait(seen, std::memory_order_acquire);
        // Every signal so far is answered below: a start() after this load changes signals_ again,
        // so the wait above returns at once.
        seen = signals_.load(std::memory_order_acquire);
        if (stopping_.load(std::memory_order_relaxed)) return;
        if (!awaitJob(done)) continue;  // prepared for a job that has not come: back to sleep
        done = started_.load(std::memory_order_acquire);
        try {
            call_(job_);
        } catch (...) {
            failure_ = std::current_exception();
        }
        // The job's own signal came before it (start()), and no prepare() or start() can come
        // before finish() has returned: all signals until now are answered.
        seen = signals_.load(std::memory_order_acquire);
        finished_.store(done, std::memory_order_release);  // publishes what the job wrote
        finished_.notify_one();
    }
}

}  // namespace psoas
