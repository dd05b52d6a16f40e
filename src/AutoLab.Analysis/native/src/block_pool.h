// A fork-join over numbered blocks that never waits for a thread that has not started working.
//
// Why not OpenMP here: the NMF iterations need two fork-joins each (W step, H step). An OpenMP
// region ends in a barrier that every team thread must reach, so when the machine is busy and a
// worker is not scheduled, the caller waits a whole time slice for it; on the shared 2-core machine
// under a load average of 20 that made al_nmf three times slower at 2 threads than at 1. Here the
// caller claims blocks itself from a shared counter; a worker that wakes late finds none left and
// goes back to sleep, and the caller waits only for blocks a worker has actually claimed.
#pragma once

#include <cstdint>
#include <functional>

namespace al::block_pool {

/// Runs body(block) for every block in [0, blocks), on the calling thread and up to threads - 1
/// pooled workers (created on first use, kept for the life of the process, asleep between calls).
/// Each block runs exactly once, on one thread; which thread is unspecified, so bodies must write
/// disjoint outputs. threads <= 1 or a single block runs everything on the calling thread. Not
/// reentrant: body must not call run. Calls from several threads at once are serialised. The first
/// exception a body throws is rethrown here after every claimed block has finished.
void run(int64_t blocks, int threads, const std::function<void(int64_t)>& body);

}  // namespace al::block_pool
