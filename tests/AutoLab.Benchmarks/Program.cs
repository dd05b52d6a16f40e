using AutoLab.Orchestrator.Cli;

// The benchmark suites live beside the code they measure (src/AutoLab.Orchestrator/Benchmarks) so that
// `autolab bench ...` runs them on any installed CLI; this project runs the same suites from the
// test tree: `dotnet run -c Release --project tests/AutoLab.Benchmarks -- loop --json`.
return await AutoLabCli.Build().Parse(["bench", .. args]).InvokeAsync();
