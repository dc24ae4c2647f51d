#!/usr/bin/python3
"""Top frames of a dotnet-trace speedscope file (--format Speedscope), by inclusive and exclusive time.

    /usr/bin/python3 bench/perf/speedscope_top.py trace.speedscope.json [--top 40] [--match NewsEtl.]
        [--under 'NewsEtl.Pipeline.ArticleProcessor.Process'] [--skip-idle]

Thread-time samples (dotnet-sampled-thread-time) include waiting threads; --skip-idle drops stacks whose leaf is a
wait (Monitor.Wait, WaitHandle, LowLevelLifoSemaphore, epoll, Thread.Sleep), so the rest is time spent working.
--under keeps only time below a frame (e.g. one stage), and percentages are of that frame's time.
"""

import argparse
import collections
import json
import re

IDLE = re.compile(r"WaitOne|WaitCore|Monitor\.Wait|LowLevelLifoSemaphore|LowLevelMonitor|WaitForSignal|Thread\.Sleep|"
                  r"SemaphoreSlim\.Wait|epoll|ManualResetEventSlim\.Wait|SpinWait|Thread\.Join|WaitHandle|"
                  r"UNMANAGED_CODE_TIME|Task\.SpinThenBlockingWait|Task\.InternalWaitCore")


def intervals(profile):
    """(stack, duration) pieces of an evented profile: the open-frame stack between consecutive events."""
    stack = []
    last = profile["startValue"]
    for event in profile["events"]:
        at = event["at"]
        if stack and at > last:
            yield tuple(stack), at - last
        last = at
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            # Close the most recent open instance of the frame.
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] == event["frame"]:
                    del stack[i:]
                    break


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--match", default="", help="only list frames whose name contains this")
    parser.add_argument("--under", default="", help="only count stacks that contain a frame containing this")
    parser.add_argument("--skip-idle", action="store_true")
    args = parser.parse_args()

    with open(args.file, encoding="utf-8") as fh:
        data = json.load(fh)
    names = [f["name"] for f in data["shared"]["frames"]]
    inclusive = collections.Counter()
    exclusive = collections.Counter()
    total = 0.0
    idle = 0.0
    for profile in data["profiles"]:
        for stack, duration in intervals(profile):
            frames = [names[f] for f in stack]
            # The exporter ends each stack with CPU_TIME (running) or UNMANAGED_CODE_TIME (in native code, mostly waiting).
            state = frames[-1] if frames[-1] in ("CPU_TIME", "UNMANAGED_CODE_TIME") else "CPU_TIME"
            if frames[-1] in ("CPU_TIME", "UNMANAGED_CODE_TIME"):
                frames = frames[:-1]
            if not frames:
                continue
            if args.under and not any(args.under in n for n in frames):
                continue
            if args.skip_idle and (state == "UNMANAGED_CODE_TIME" and IDLE.search(" ".join(frames[-3:])) or IDLE.search(frames[-1])):
                idle += duration
                continue
            total += duration
            exclusive[frames[-1]] += duration
            for name in set(frames):
                inclusive[name] += duration

    print(f"# {args.file}: {total / 1000:.1f} s of samples" + (f" below '{args.under}'" if args.under else "")
          + (f", {idle / 1000:.1f} s idle left out" if args.skip_idle else ""))
    for title, counter in (("inclusive", inclusive), ("exclusive", exclusive)):
        print(f"\n## top {args.top} by {title} time\n\n| {title} s | % | frame |\n|---:|---:|---|")
        shown = 0
        for name, value in counter.most_common():
            if args.match and args.match not in name:
                continue
            print(f"| {value / 1000:.2f} | {100 * value / total:.1f} | `{name[:160]}` |")
            shown += 1
            if shown >= args.top:
                break


if __name__ == "__main__":
    main()
