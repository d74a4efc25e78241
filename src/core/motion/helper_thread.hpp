#pragma once
// One helper thread that takes a share of a frame's work: together(theirs, mine) runs `theirs` on
// the helper while the calling thread runs `mine`, and returns when both are done. The helper
// sleeps between frames (a futex wait: no CPU while the viewer is idle). Being woken takes it
// about 20 us in the app on this project's 2-core test machine, so a caller that knows work is
// coming can wake it first with prepare(). Where threads are not available (a WebAssembly build
// without pthreads) or there is a single core, both shares run on the calling thread.

#include <atomic>
#include <exception>
#include <thread>

namespace psoas {

class HelperThread {
public:
    HelperThread();   // starts the thread, where there is one to be had
    ~HelperThread();  // stops and joins it
    HelperThread(const HelperThread&) = delete;
    HelperThread& operator=(const HelperThread&) = delete;

    // Wakes the helper for a together() that is about to come: it then waits for that job busily,
    // for at most kReadySpinMicroseconds, before it goes back to sleep. Costs nothing when there is
    // no helper.
    void prepare();
    static constexpr int kReadySpinMicroseconds = 200;  // our choice: well over a frame's lead-in

    // Runs theirs() on the helper and mine() here at the same time; returns when both have
    // finished, rethrowing what mine() threw, else what theirs() threw. The two must not touch
    // the same data (nothing here orders their reads and writes).
    template <class Theirs, class Mine>
    void together(Theirs& theirs, Mine&& mine) {
        start(+[](void* job) { (*static_cast<Theirs*>(job))(); }, &theirs);
        std::exception_ptr failure;
        try {
            mine();
        } catch (...) {
            failure = std::current_exception();
        }
        const std::exception_ptr theirsFailure = finish();  // also when mine() threw: theirs() uses the caller's data
        if (failure) std::rethrow_exception(failure);
        if (theirsFailure) std::rethrow_exception(theirsFailure);
    }

private:
    void start(void (*call)(void*), void* job);
    [[nodiscard]] std::exception_ptr finish();  // waits for the started job; what it threw, if anything
    void loop();
    bool awaitJob(unsigned done) const;  // spins until a job after `done` is started, or the time is up
    void signal();                       // wakes the helper
    void (*call_)(void*) = nullptr;
    void* job_ = nullptr;
    std::exception_ptr failure_;  // written by the job's thread, read after finish()'s wait
    std::atomic<unsigned> signals_{0};   // what the helper sleeps on: prepare(), start() and stopping
    std::atomic<unsigned> started_{0};   // jobs started
    std::atomic<unsigned> finished_{0};  // jobs finished
    std::atomic<bool> stopping_{false};
    std::thread thread_;  // not joinable: jobs run on the calling thread
};

}  // namespace psoas
