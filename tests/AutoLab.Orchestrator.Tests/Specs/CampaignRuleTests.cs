using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Rules on the campaign's numbers: budget, batch size, objectives, termination and fault policy.</summary>
public class CampaignRuleTests
{
    [Fact]
    public void A_budget_below_one_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("budget: 0\n"));

        Assert.Equal(new SpecError(1, 9, "budget", "budget must be at least 1 experiment, found 0"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_batch_larger_than_the_budget_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("budget: 4\nbatch_size: 8\n"));

        Assert.Equal(new SpecError(2, 13, "batch_size", "batch_size 8 is larger than the budget of 4 experiments"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_batch_of_zero_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("batch_size: 0\n"));

        SpecAssert.HasError(result, 1, 13, "batch_size", "batch_size must be at least 1, found 0");
    }

    [Fact]
    public void A_fault_fraction_outside_zero_to_one_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("fault_policy: {max_fault_fraction: 1.5, min_experiments: 3}\n"));

        Assert.Equal(new SpecError(1, 36, "fault_policy.max_fault_fraction", "max_fault_fraction must be between 0 and 1, found 1.5"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_negative_minimum_of_experiments_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("fault_policy: {min_experiments: -1}\n"));

        SpecAssert.HasError(result, 1, 33, "fault_policy.min_experiments", "min_experiments must not be negative, found -1");
    }

    [Fact]
    public void A_patience_below_one_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("termination: {target: 0.4, patience: 0}\n"));

        Assert.Equal(new SpecError(1, 38, "termination.patience", "patience must be at least 1 experiment, found 0"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_target_that_is_not_a_finite_number_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("termination:\n  target: .nan\n"));

        SpecAssert.HasError(result, 2, 11, "termination.target", "target must be a finite number, found .nan");
    }

    [Fact]
    public void An_objective_direction_misspelt_suggests_the_right_word()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("objectives:\n  - {name: y, direction: minimise}\n"));

        Assert.Equal(new SpecError(2, 26, "objectives[0].direction", "'minimise' is not a valid direction; did you mean 'minimize'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_misspelt_batch_mode_suggests_the_right_word()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("batch_mode: synchronus\n"));

        Assert.Equal(new SpecError(1, 13, "batch_mode", "'synchronus' is not a valid batch_mode; did you mean 'synchronous'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_objective_name_used_twice_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("objectives:\n  - {name: y, direction: minimize}\n  - {name: y, direction: maximize}\n"));

        Assert.Equal(new SpecError(3, 12, "objectives[1].name", "objective 'y' is already defined in objectives[0] (line 2)"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_campaign_needs_an_objective()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("objectives: []\n"));

        SpecAssert.HasError(result, 1, 13, "objectives", "at least one objective is required");
    }

    [Fact]
    public void A_blank_campaign_name_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("name: \"  \"\n"));

        Assert.Equal(new SpecError(1, 7, "name", "the campaign name must not be empty"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_budget_beyond_the_integer_range_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("budget: 3000000000\n"));

        Assert.Equal(new SpecError(1, 9, "budget", "3000000000 is too large; expected at most 2147483647"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_objective_name_that_cannot_be_a_key_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("objectives:\n  - {name: 1st, direction: maximize}\n"));

        SpecAssert.HasError(result, 2, 12, "objectives[0].name", "objective name '1st' must start with a letter or '_'");
    }

    [Fact]
    public void A_blank_strategy_name_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("strategy: \"\"\n"));

        Assert.Equal(new SpecError(1, 11, "strategy.name", "the strategy name must not be empty"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_strategy_mapping_without_a_name_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("strategy:\n  options: {xi: 0.1}\n"));

        Assert.Equal(new SpecError(2, 3, "strategy.name", "missing required key 'name' in strategy"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_blank_analysis_model_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("analysis:\n  - {model: \"\"}\n"));

        Assert.Equal(new SpecError(2, 13, "analysis[0].model", "the analysis model name must not be empty"), SpecAssert.SingleError(result));
    }
}
