using AutoLab.Contracts.Orchestration;
using AutoLab.IntegrationTests.Support;
using AutoLab.Orchestrator.Campaigns;
using AutoLab.Simulators.TestFunctions;

namespace AutoLab.IntegrationTests;

/// <summary>
/// <see cref="EngineCampaign"/> runs a spec through the whole engine in the test's own process (in-memory bus,
/// journal in a temporary run folder) and hands back what the journal holds: the campaign benchmarks rely on it.
/// </summary>
public sealed class EngineCampaignTests
{
    /// <summary>The test-function instrument adds no noise unless asked, so a reading is the function's value to rounding.</summary>
    const double ExactTolerance = 1e-9;

    [Fact]
    public async Task A_spec_runs_through_the_engine_and_every_observation_comes_back_in_sequence_order_with_its_measured_value()
    {
        string spec = SpecFiles.Branin("engine-campaign", budget: 8, batch: 4);

        EngineCampaignResult result = await EngineCampaign.RunAsync(spec, "engine-test");

        Assert.Equal(CampaignOutcome.Completed, result.Ended.Outcome);
        Assert.Equal(8, result.Ended.Completed);
        Assert.Equal(Enumerable.Range(1, 8), result.Observations.Select(o => o.Sequence));
        var branin = new Branin();
        Assert.All(result.Observations, o =>
        {
            Assert.True(o.Succeeded);
            double expected = branin.Evaluate([o.Parameters.Values["x1"], o.Parameters.Values["x2"]])[0];
            Assert.Equal(expected, o.Objectives["y"], ExactTolerance);
        });
    }

    [Fact]
    public async Task A_spec_with_errors_is_refused_with_its_lines_before_anything_runs()
    {
        string spec = SpecFiles.Branin("engine-campaign-bad", budget: 8, batch: 4).Replace("bounds: [-5, 10]", "bounds: [10, 5]", StringComparison.Ordinal);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => EngineCampaign.RunAsync(spec, "engine-test-bad"));

        Assert.Contains("lower bound 10 is not below upper bound 5", error.Message, StringComparison.Ordinal);
    }
}
