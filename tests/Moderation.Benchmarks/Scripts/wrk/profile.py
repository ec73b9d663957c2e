#!/usr/bin/env python3
"""Summarises a profile of the silo: where its CPU goes.

`profile.py perf FILE|-`: the text of `perf script` for `perf record -e cpu-clock -g -p <silo>` with the silo started
with DOTNET_PerfMapEnabled=1 (real CPU samples of every thread, native code, the runtime's GC and the kernel
included). `profile.py speedscope FILE`: a speedscope file from `dotnet-trace convert --format speedscope` of a
`dotnet-trace collect --profile dotnet-sampled-thread-time` trace (dotnet-trace's CPU sampling needs
`collect-linux`, which needs the kernel's tracefs; without it only the thread-time sampler is left).
Both print the top frames by exclusive and by inclusive share, and the share of each cost below (a sample counts
once in each cost whose pattern any of its frames matches; perf adds CPU by thread and by library).

About the thread-time sampler:
The sampler takes every managed thread's stack about 100 times a second, running or not, and ends each stack with
CPU_TIME (the thread was in managed code) or UNMANAGED_CODE_TIME (in native code: a wait, a system call, Lua).
Most of the time is idle workers waiting. A sample is busy when it is in managed code, or in native code called
from a frame that is not a wait (semaphores, wait handles, the socket event loop's epoll, sleeps); busy time
approximates CPU (native code attributed to its managed caller, marked "(native)"); shares are of busy time. Prints the busy share, the top frames by exclusive and by
inclusive busy time, and the busy time by cost (a sample counts once in each cost whose pattern any frame matches).
It overstates threads that spin (a runnable thread is counted whether or not it has a core), so read it beside perf.
`profile.py counters FILE.csv`: the mean of each counter in a `dotnet-counters collect` file.
`profile.py per-request FILE.csv RATE`: thread-pool work items and bytes allocated per request at RATE requests/s.
Usage: profile.py perf|speedscope|counters FILE [TOP]; profile.py per-request FILE.csv RATE
"""
import csv
import json
import re
import sys
from collections import Counter

WAITING = re.compile(
    r"LowLevelLifoSemaphore\.|WaitHandle\.Wait|Monitor\.Wait|ManualResetEventSlim\.Wait|SemaphoreSlim\.Wait|"
    r"Thread\.Sleep|Task\.SpinWait|SpinWait\.SpinOnce|WaitForSocketEvents|Interop\+Sys\.Read\(|Interop\+Sys\.Poll|"
    r"Thread\.<PollGC>|Monitor\.Enter_Slowpath|Monitor\.TryEnter_Slowpath|Interop\+Sys\.WaitPid|Console.*Read|"
    r"SocketAsyncEngine\.EventLoop|FileSystemWatcher|TimerQueue\.TimerThread|GateThread")

COSTS = [
    ("thread pool workers spinning while idle (LowLevelLifoSemaphore.Wait in managed code)", r"LowLevelLifoSemaphore\.Wait\(|LowLevelSpinWaiter"),
    ("the service's own code (Moderation.* frames)", r"(^|[ !\]])Moderation\.(Api|Grains|Contracts|Redis|Toxicity|Silo)\."),
    ("Garnet: a script's command waiting synchronously (Task.Wait) for the append-only file's commit", r"Task\.InternalWait"),
    ("JWT validation (JsonWebTokenHandler, HMAC)", r"IdentityModel|JwtBearer|SymmetricSignatureProvider|HMAC"),
    ("authentication and authorization middleware", r"AspNetCore\.Authentication\.|AspNetCore\.Authorization\."),
    ("ban check", r"BannedReaders|IsBanned"),
    ("Orleans grain calls (messaging, invoke, serialization)", r"^Orleans|Orleans\.Runtime|Orleans\.Serialization|Orleans\.Core|InsideRuntimeClient|OutsideRuntimeClient|GrainReference|Orleans\.Messaging|Orleans\.Networking"),
    ("System.Text.Json", r"System\.Text\.Json"),
    ("StackExchange.Redis (client side)", r"StackExchange\.Redis"),
    ("Garnet server (all)", r"Garnet|Tsavorite|LuaRunner|KeraLua"),
    ("Garnet Lua scripts", r"LuaRunner|KeraLua|Lua\."),
    ("Garnet append-only file and commit", r"TsavoriteLog|Commit|AofProcessor|\.Aof|FlushAsync|DeviceIO|RandomAccess|SafeFileHandle"),
    ("results publication and poll tally", r"Tally|Publish|PollResults|ResultsCache|ResultsPublisher"),
    ("comment store and thread", r"Moderation\..*Comment"),
    ("toxicity filter (ML.NET)", r"Microsoft\.ML|Toxicity|PredictionEngine"),
    ("Kestrel and HTTP pipeline", r"AspNetCore\.Server\.Kestrel|System\.IO\.Pipelines|AspNetCore\.Http\.|AspNetCore\.Routing"),
    ("sockets (send and receive)", r"System\.Net\.Sockets|Interop\+Sys\.(Send|Receive)"),
    ("allocation and GC", r"GC\.|Alloc|gc_heap|GarbageCollect|GCHeap|WKS::|SVR::"),
    ("runtime type checks and casts", r"CastHelpers|IsInstanceOf|ChkCast"),
    ("the kernel (system calls: sockets, futex, file writes)", r"\[kernel|\[unknown\] \(\[kernel"),
    ("logging", r"Microsoft\.Extensions\.Logging"),
]


def weighted_stacks(document):
    frames = [frame["name"] for frame in document["shared"]["frames"]]
    stacks = Counter()
    for profile in document["profiles"]:
        stack, at = [], None
        for event in profile["events"]:
            if at is not None and stack:
                stacks[tuple(stack)] += event["at"] - at
            at = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                stack.pop()
    return frames, stacks


def short(name, width=110):
    native = " (native)" if name.endswith(" (native)") else ""
    name = re.sub(r"\(.*", "()", name.removesuffix(" (native)").split("!", 1)[-1])
    return (name if len(name) <= width else name[:width - 1] + "…") + native


def perf_samples(lines):
    """Yields (thread name, [frames outermost first]) from `perf script` text; a frame is "symbol (library)"."""
    thread, frames = None, []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if thread is not None:
                yield thread, frames[::-1]
            thread, frames = None, []
        elif not line.startswith((" ", "\t")):
            thread = re.split(r"\s+\d+(/\d+)?\s+", line, maxsplit=1)[0].strip()
        else:
            parts = line.strip().split(" ", 1)
            text = parts[1] if len(parts) > 1 else "?"
            match = re.match(r"(.*?)(\+0x[0-9a-f]+)? \((.*)\)$", text)
            symbol, library = (match.group(1), match.group(3)) if match else (text, "?")
            library = "JIT'd code" if "perf-" in library and library.endswith(".map") else library.rsplit("/", 1)[-1]
            frames.append(f"{symbol.replace('::', '.')} ({library})")
    if thread is not None:
        yield thread, frames[::-1]


def summarise(busy, top):
    busy_total = sum(busy.values())
    exclusive, inclusive = Counter(), Counter()
    for stack, time in busy.items():
        exclusive[short(stack[-1])] += time
        for name in {short(name) for name in stack}:
            inclusive[name] += time
    for title, counter in (("exclusive", exclusive), ("inclusive", inclusive)):
        print(f"\ntop {top} frames by {title} share:")
        for name, time in counter.most_common(top):
            print(f"  {100 * time / busy_total:5.1f} %  {name}")
    print("\nshare by cost (overlapping):")
    for label, pattern in COSTS:
        matcher = re.compile(pattern)
        time = sum(t for stack, t in busy.items() if any(matcher.search(name) for name in stack))
        print(f"  {100 * time / busy_total:5.1f} %  {label}")


def main_perf(path, top):
    samples = Counter()
    threads, libraries = Counter(), Counter()
    for thread, frames in perf_samples(sys.stdin if path == "-" else open(path)):
        if frames:
            samples[tuple(frames)] += 1
            threads[re.sub(r"\d+$", "", thread)] += 1
            libraries[frames[-1].rsplit(" (", 1)[-1].rstrip(")")] += 1
    total = sum(samples.values())
    print(f"{total} CPU samples")
    for title, counter in (("thread", threads), ("library of the innermost frame", libraries)):
        print(f"\nCPU by {title}:")
        for name, count in counter.most_common(12):
            print(f"  {100 * count / total:5.1f} %  {name}")
    summarise(samples, top)


def main_speedscope(path, top):
    frames, stacks = weighted_stacks(json.load(open(path)))
    total = sum(stacks.values())
    busy = Counter()
    for stack, time in stacks.items():
        names = [frames[index] for index in stack]
        try:   # drop the process, thread-group and thread frames above the thread's own stack
            names = names[next(i for i, name in enumerate(names) if name.startswith("Thread (")) + 1:]
        except StopIteration:
            continue
        if len(names) < 2 or names[-1] not in ("CPU_TIME", "UNMANAGED_CODE_TIME"):
            continue
        native = names[-1] == "UNMANAGED_CODE_TIME"
        caller = next((name for name in reversed(names[:-1]) if name.split("!")[-1] != "?"), "")   # "?": unresolved native
        if native and WAITING.search(caller):
            continue
        busy[tuple(names[:-2]) + (names[-2] + (" (native)" if native else ""),)] += time
    busy_total = sum(busy.values())
    print(f"threads' time {total / 1000:.1f} s; busy (not waiting) {busy_total / 1000:.2f} s = {100 * busy_total / total:.1f} %")
    summarise(busy, top)


def main_counters(path, top):
    """The mean of each counter over a `dotnet-counters collect --format csv` file, per second where it is a rate."""
    values = {}
    with open(path, newline="") as file:
        for row in list(csv.reader(file))[1:]:
            values.setdefault(row[2], []).append(float(row[4]))
    for name, series in values.items():
        print(f"  {sum(series) / len(series):16.1f}  {name}")


def main_per_request(path, rate):
    """Thread-pool work items and bytes allocated per request: the counters' means over the requests per second."""
    values = {}
    with open(path, newline="") as file:
        for row in list(csv.reader(file))[1:]:
            values.setdefault(row[2].split(" (")[0], []).append(float(row[4]))
    mean = {name: sum(series) / len(series) for name, series in values.items()}
    print(f"{mean.get('dotnet.thread_pool.work_item.count', 0) / rate:.1f} thread-pool work items and "
          f"{mean.get('dotnet.gc.heap.total_allocated', 0) / rate / 1024:.1f} KB allocated")


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "per-request":
        main_per_request(path, float(sys.argv[3]))
        return
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    {"perf": main_perf, "speedscope": main_speedscope, "counters": main_counters}[mode](path, top)


if __name__ == "__main__":
    main()
