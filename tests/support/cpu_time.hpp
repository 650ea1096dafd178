#pragma once
// Time limits in tests measured in this thread's CPU time, not wall-clock time: a CI machine
// busy with other tests preempts the thread, which inflates wall time but not CPU time, so a
// limit on CPU time fails only when the code itself got slower.

#include <time.h>

namespace lectern::test {

/// CPU seconds the calling thread has used so far.
inline double thread_cpu_seconds() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/// CPU seconds `work` takes on the calling thread.
template <typename Work>
double thread_cpu_seconds_of(Work&& work) {
    const double start = thread_cpu_seconds();
    work();
    return thread_cpu_seconds() - start;
}

}  // namespace lectern::test
