using AutoLab.Orchestrator.Cli;
using AutoLab.Orchestrator.Hosting;

namespace AutoLab.Orchestrator.Tests.Cli;

/// <summary>
/// <c>--services local|remote</c> on run and resume, and the arguments of <c>autolab serve</c>: remote services and
/// workers need a broker, and the refusal says so instead of starting a campaign nobody can analyse.
/// </summary>
public sealed class ServicesOptionTests
{
    const string Broker = "amqp://user:secret@127.0.0.1:5672/";

    static readonly BusOptions RabbitMq = new() { Transport = TransportKind.RabbitMq, RabbitMqUri = new Uri(Broker) };

    [Fact]
    public void Local_services_are_hosted_by_the_orchestrator_on_either_transport()
    {
        Assert.True(CliOptions.HostsServices("local", new BusOptions()));
        Assert.True(CliOptions.HostsServices("local", RabbitMq));
    }

    [Fact]
    public void Remote_services_on_rabbitmq_leave_analysis_and_suggestions_to_workers()
    {
        Assert.False(CliOptions.HostsServices("remote", RabbitMq));
    }

    [Fact]
    public void Remote_services_on_the_in_memory_bus_are_refused_with_a_message_naming_the_fix()
    {
        CliError error = Assert.Throws<CliError>(() => CliOptions.HostsServices("remote", new BusOptions()));

        Assert.Equal(CliError.BadInput, error.ExitCode);
        Assert.Contains("--transport rabbitmq", error.Message, StringComparison.Ordinal);
        Assert.Contains("autolab serve", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "no-such-spec.yaml")]
    [InlineData("resume", "no-such-run-folder")]
    public async Task Run_and_resume_with_remote_services_in_memory_exit_with_a_usage_error_before_touching_the_file(string command, string target)
    {
        int exit = await AutoLabCli.Build().Parse([command, target, "--services", "remote"]).InvokeAsync();

        Assert.Equal(CliError.BadInput, exit);
    }

    [Fact]
    public void An_unknown_services_value_is_a_parse_error()
    {
        Assert.NotEmpty(AutoLabCli.Build().Parse(["run", "spec.yaml", "--services", "cloud"]).Errors);
    }

    [Fact]
    public void Serve_refuses_the_in_memory_transport_and_says_why()
    {
        CliError error = Assert.Throws<CliError>(() => ServeCommand.ToWorkerOptions(["analysis"], "inmemory", Broker, workers: 2));

        Assert.Contains("--transport rabbitmq", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_all_hosts_analysis_and_active_learning_with_the_given_workers()
    {
        WorkerHostOptions options = ServeCommand.ToWorkerOptions(["all"], "rabbitmq", Broker, workers: 3);

        Assert.Equal(WorkerServices.Analysis | WorkerServices.ActiveLearning, options.Services);
        Assert.Equal(3, options.Workers);
        Assert.Equal(new Uri(Broker), options.RabbitMqUri);
        Assert.Equal("analysis and active-learning", ServeCommand.Describe(options.Services));
    }

    [Fact]
    public void Serve_names_can_be_combined_and_repeated()
    {
        WorkerHostOptions options = ServeCommand.ToWorkerOptions(["active-learning", "analysis", "analysis"], "rabbitmq", Broker, workers: 1);

        Assert.Equal(WorkerServices.Analysis | WorkerServices.ActiveLearning, options.Services);
    }

    [Fact]
    public void Serve_refuses_fewer_than_one_worker()
    {
        CliError error = Assert.Throws<CliError>(() => ServeCommand.ToWorkerOptions(["analysis"], "rabbitmq", Broker, workers: 0));

        Assert.Contains("--workers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_without_a_service_name_is_a_parse_error()
    {
        Assert.NotEmpty(AutoLabCli.Build().Parse(["serve", "--rabbitmq", Broker]).Errors);
        Assert.NotEmpty(AutoLabCli.Build().Parse(["serve", "optimizer", "--rabbitmq", Broker]).Errors);
    }
}
