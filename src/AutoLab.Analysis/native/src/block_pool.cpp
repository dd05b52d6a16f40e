// The block fork-join of block_pool.h.
#include "block_pool.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace al::block_pool {
namespace {

// One job at a time. The ticket packs the job's generation (high 32 bits) with the next unclaimed
// block (low 32 bits), so a claim is one compare-and-swap that fails once the job it was meant for
// has been replaced: a worker that read an old job can never run a block of a newer one.
struct pool_state {
  std::mutex run_mutex;  // serialises callers of run()
  std::mutex mutex;      // guards the fields below up to `helpers`, and waking
  std::condition_variable wake;
  uint64_t generation = 0;
  const std::function<void(int64_t)>* body = nullptr;
  int64_t blocks = 0;
  int helpers = 0;  // workers 0 .. helpers-1 take part in the current job
  int workers = 0;  // started so far
  std::atomic<uint64_t> ticket{0};
  std::atomic<int64_t> done{0};
  std::mutex error_mutex;
  std::exception_ptr error;
};

pool_state& state() {
  // Never destroyed: the detached workers wait on it until the process exits.
  static pool_state* const instance = new pool_state();
  return *instance;
}

// Claims and runs blocks of job `generation` until none is left (or a newer job replaced it).
void work(pool_state& pool, uint32_t generation, int64_t blocks, const std::function<void(int64_t)>& body) {
  const uint64_t tag = static_cast<uint64_t>(generation) << 32;
  uint64_t ticket = pool.ticket.load();
  for (;;) {
    if ((ticket & ~0xffffffffull) != tag || static_cast<int64_t>(ticket & 0xffffffffull) >= blocks) {
      return;
    }
    if (!pool.ticket.compare_exchange_weak(ticket, ticket + 1)) {
      continue;  // ticket now holds the current value; look again
    }
    try {
      body(static_cast<int64_t>(ticket & 0xffffffffull));
    } catch (...) {
      const std::lock_guard<std::mutex> lock(pool.error_mutex);
      if (!pool.error) {
        pool.error = std::current_exception();
      }
    }
    pool.done.fetch_add(1);
    ticket = pool.ticket.load();
  }
}

void worker_loop(pool_state& pool, int index) {
  uint64_t seen = 0;
  for (;;) {
    const std::function<void(int64_t)>* body = nullptr;
    int64_t blocks = 0;
    {
      std::unique_lock<std::mutex> lock(pool.mutex);
      pool.wake.wait(lock, [&] { return pool.generation != seen; });
      seen = pool.generation;
      if (index >= pool.helpers) {
        continue;  // this job asked for fewer threads
      }
      body = pool.body;
      blocks = pool.blocks;
    }
    work(pool, static_cast<uint32_t>(seen), blocks, *body);
  }
}

}  // namespace

void run(int64_t blocks, int threads, const std::function<void(int64_t)>& body) {
  if (threads <= 1 || blocks <= 1) {
    for (int64_t block = 0; block < blocks; ++block) {
      body(block);
    }
    return;
  }
  pool_state& pool = state();
  const std::lock_guard<std::mutex> serial(pool.run_mutex);
  uint32_t generation = 0;
  {
    const std::lock_guard<std::mutex> lock(pool.mutex);
    while (pool.workers < threads - 1) {
      std::thread(worker_loop, std::ref(pool), pool.workers).detach();
      ++pool.workers;
    }
    ++pool.generation;
    generation = static_cast<uint32_t>(pool.generation);
    pool.body = &body;
    pool.blocks = blocks;
    pool.helpers = threads - 1;
    pool.done.store(0);
    pool.error = nullptr;
    pool.ticket.store(static_cast<uint64_t>(generation) << 32);
  }
  pool.wake.notify_all();
  work(pool, generation, blocks, body);
  // Only blocks a worker has claimed can still be running; yielding lets a preempted one finish.
  while (pool.done.load() < blocks) {
    std::this_thread::yield();
  }
  if (pool.error) {
    std::rethrow_exception(pool.error);
  }
}

}  // namespace al::block_pool
