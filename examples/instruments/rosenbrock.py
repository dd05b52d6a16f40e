"""A process instrument: the Rosenbrock function, measured by a script.

AutoLab runs this once per experiment, as declared in examples/process-instrument.yaml. It reads
one JSON request on stdin (the point is under "parameters") and prints one JSON object on stdout
with the readings; anything else it has to say goes to stderr. Standard library only.

Try it by hand:
    echo '{"parameters": {"x1": 1, "x2": 1}}' | /usr/bin/python3 examples/instruments/rosenbrock.py
"""

import json
import sys


def rosenbrock(x):
    """Sum of 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2; minimum 0 at (1, ..., 1)."""
    return sum(100.0 * (b - a * a) ** 2 + (1.0 - a) ** 2 for a, b in zip(x, x[1:]))


def main():
    request = json.load(sys.stdin)
    parameters = request["parameters"]
    # x1, x2, ... in numeric order, however many the campaign's space has.
    names = sorted((n for n in parameters if n[:1] == "x" and n[1:].isdigit()), key=lambda n: int(n[1:]))
    if len(names) < 2:
        print(f"rosenbrock needs parameters x1, x2, ...; got {sorted(parameters)}", file=sys.stderr)
        return 2

    y = rosenbrock([float(parameters[n]) for n in names])
    json.dump({"readings": {"y": y}}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
