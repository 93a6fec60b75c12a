"""Runs every benchmark in one go: `make benchmark` (or `.venv/bin/python -m benchmarks.run`).

Each benchmark prints its own table; figures are ratios to a baseline measured in the same run."""

from core.optional import import_optional

BENCHMARKS = ["benchmarks.search_benchmark", "benchmarks.compliance_benchmark", "benchmarks.setup_benchmark",
              "benchmarks.search_quality.engine"]


def main():
    for dotted in BENCHMARKS:
        module = import_optional(dotted)
        if module is None:
            print(f"(跳过 {dotted}：未找到)")
            continue
        print(f"\n## {dotted}\n", flush=True)
        module.main([])  # each with its own defaults; run a module directly for its options


if __name__ == "__main__":
    main()
