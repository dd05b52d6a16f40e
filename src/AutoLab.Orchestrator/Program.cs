using AutoLab.Orchestrator.Cli;

return await AutoLabCli.Build().Parse(args).InvokeAsync();
