#!/usr/bin/python3
"""NSGA-II on ZDT1 with DEAP, the peer of AutoLab's GeneticBenchmark.

The loop is DEAP's own NSGA-II example (examples/ga/nsga2.py): selTournamentDCD for mating, SBX
(cxSimulatedBinaryBounded, eta 20) with probability 0.9 per pair, polynomial mutation
(mutPolynomialBounded, eta 20, probability 1/n per variable) and selNSGA2 survival. Prints one JSON
object: per seed, the seconds per generation (the loop after the initial population) and the
hypervolume of the final first front at the reference point.
Run with Debian's interpreter: /usr/bin/python3 deap_nsga2.py --seeds 1,2,3
"""
import argparse
import json
import random
import time

from deap import base, benchmarks, creator, tools


def hypervolume_2d(points, reference):
    """Exact 2-D hypervolume of minimised points: sort by f1 and sum the rectangles."""
    inside = sorted(p for p in points if p[0] < reference[0] and p[1] < reference[1])
    volume, lowest = 0.0, reference[1]
    for f1, f2 in inside:
        if f2 < lowest:
            volume += (reference[0] - f1) * (lowest - f2)
            lowest = f2
    return volume


def run(seed, dimension, population, generations):
    random.seed(seed)
    toolbox = base.Toolbox()
    toolbox.register("attr_float", random.uniform, 0.0, 1.0)
    toolbox.register("individual", tools.initRepeat, creator.Individual, toolbox.attr_float, dimension)
    toolbox.register("population", tools.initRepeat, list, toolbox.individual)
    toolbox.register("evaluate", benchmarks.zdt1)
    toolbox.register("mate", tools.cxSimulatedBinaryBounded, low=0.0, up=1.0, eta=20.0)
    toolbox.register("mutate", tools.mutPolynomialBounded, low=0.0, up=1.0, eta=20.0, indpb=1.0 / dimension)
    toolbox.register("select", tools.selNSGA2)

    pop = toolbox.population(n=population)
    for ind in pop:
        ind.fitness.values = toolbox.evaluate(ind)
    pop = toolbox.select(pop, len(pop))

    start = time.perf_counter()
    for _ in range(1, generations):
        offspring = tools.selTournamentDCD(pop, len(pop))
        offspring = [toolbox.clone(ind) for ind in offspring]
        for a, b in zip(offspring[::2], offspring[1::2]):
            if random.random() <= 0.9:
                toolbox.mate(a, b)
            toolbox.mutate(a)
            toolbox.mutate(b)
            del a.fitness.values, b.fitness.values
        for ind in offspring:
            if not ind.fitness.valid:
                ind.fitness.values = toolbox.evaluate(ind)
        pop = toolbox.select(pop + offspring, population)
    elapsed = time.perf_counter() - start

    front = tools.sortNondominated(pop, len(pop), first_front_only=True)[0]
    hv = hypervolume_2d([ind.fitness.values for ind in front], (1.1, 1.1))
    return {"seed": seed, "seconds_per_generation": elapsed / max(1, generations - 1), "hypervolume": hv}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", default="1,2,3,4,5,6,7,8,9,10")
    parser.add_argument("--dimension", type=int, default=30)
    parser.add_argument("--population", type=int, default=100)
    parser.add_argument("--generations", type=int, default=250)
    args = parser.parse_args()
    creator.create("FitnessMin", base.Fitness, weights=(-1.0, -1.0))
    creator.create("Individual", list, fitness=creator.FitnessMin)
    runs = [run(int(s), args.dimension, args.population, args.generations) for s in args.seeds.split(",")]
    print(json.dumps({"peer": "deap", "runs": runs}))


if __name__ == "__main__":
    main()
