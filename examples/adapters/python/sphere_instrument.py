#!/usr/bin/python3
"""An example AutoLab instrument in Python: it "measures" y = sum((x_i - 0.3)^2) over the numeric
parameters of each MeasureSample, and "prepares" samples by naming them.

    AUTOLAB_RABBITMQ_URI=$(cat .autolab/rabbitmq.uri) examples/adapters/python/sphere_instrument.py --name python-sim

Prints "ready: consuming instrument.<name>" once it consumes; SIGTERM or Ctrl-C stops it after the
command in hand is answered (exit status 0).
"""

import argparse
import logging
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from autolab_adapter import DeviceError, InstrumentAdapter, Measurement, Preparation, ResultStore  # noqa: E402

CENTRE = 0.3  # optimum of every numeric parameter


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--name", default="python-sim", help="instrument name; consumes instrument.<name> (default python-sim)")
    p.add_argument("--fail-every", type=int, default=0, metavar="N",
                   help="make every Nth measurement a retryable DeviceError (0: never; for tests)")
    p.add_argument("--delay", type=float, default=0.0, metavar="S", help="seconds each measurement takes (default 0)")
    p.add_argument("--state", metavar="FILE", help="JSON-lines file of finished idempotency keys, so re-deliveries "
                                                   "after a restart are not measured twice (default: memory only)")
    p.add_argument("--uri", help="broker URI (default: $AUTOLAB_RABBITMQ_URI)")
    p.add_argument("--verbose", action="store_true")
    args = p.parse_args(argv)
    if args.fail_every < 0:
        p.error(f"--fail-every must be 0 or more, got {args.fail_every}")
    if args.delay < 0:
        p.error(f"--delay must be 0 or more seconds, got {args.delay}")
    return args


class Sphere:
    """The simulated device: counts measurements so --fail-every is deterministic."""

    def __init__(self, name, fail_every, delay):
        self.name, self.fail_every, self.delay = name, fail_every, delay
        self.measurements = 0
        self.samples = 0

    def prepare(self, cmd):
        self.samples += 1
        return Preparation(sample_id=f"{self.name}-{self.samples:04d}")

    def measure(self, cmd):
        self.measurements += 1
        if self.fail_every and self.measurements % self.fail_every == 0:
            raise DeviceError(f"{self.name}: simulated detector fault on measurement {self.measurements} "
                              f"(--fail-every {self.fail_every})")
        if self.delay:
            time.sleep(self.delay)
        y = sum((x - CENTRE) ** 2 for x in cmd.values.values())
        return Measurement(readings={"y": y}, duration_seconds=self.delay)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("pika").setLevel(logging.DEBUG if args.verbose else logging.WARNING)
    device = Sphere(args.name, args.fail_every, args.delay)
    try:
        adapter = InstrumentAdapter(args.name, measure=device.measure, prepare=device.prepare,
                                    uri=args.uri, store=ResultStore(args.state))
    except ValueError as e:
        print(f"sphere_instrument: {e}", file=sys.stderr)
        return 2
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: adapter.stop())
    try:
        adapter.run(on_ready=lambda: print(f"ready: consuming {adapter.queue}", flush=True))
    except RuntimeError as e:
        print(f"sphere_instrument: {e}", file=sys.stderr)
        return 1
    logging.getLogger("autolab_adapter").info("%s: stopped after %d step(s)", args.name, adapter.executions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
