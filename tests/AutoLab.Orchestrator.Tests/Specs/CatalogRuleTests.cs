using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Names checked against the catalog: instruments and the steps they serve, strategies, analysis models.</summary>
public class CatalogRuleTests
{
    [Fact]
    public void An_unknown_instrument_suggests_the_closest_known_one()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: test-function}\n"));

        Assert.Equal(new SpecError(2, 25, "steps.measure.instrument", "unknown instrument 'test-function'; did you mean 'test-functions'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_unknown_instrument_far_from_any_lists_the_known_ones()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: saxs}\n"));

        SpecAssert.HasError(result, 2, 25, "steps.measure.instrument", "unknown instrument 'saxs'; known instruments are: synth-robot, test-functions, xrd");
    }

    [Fact]
    public void An_instrument_that_cannot_serve_the_step_says_what_it_serves()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: synth-robot}\n"));

        SpecAssert.HasError(result, 2, 25, "steps.measure.instrument", "instrument 'synth-robot' cannot serve the measure step; it serves: prepare");
    }

    [Fact]
    public void An_unknown_strategy_in_short_form_is_reported_at_its_name()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("strategy: sobel\n"));

        Assert.Equal(new SpecError(1, 11, "strategy.name", "unknown strategy 'sobel'; did you mean 'sobol'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_unknown_strategy_in_long_form_is_reported_at_its_name()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("strategy:\n  name: bayes\n  options: {kernel: matern}\n"));

        SpecAssert.HasError(result, 2, 9, "strategy.name", "unknown strategy 'bayes'; known strategies are: gp-ei, lhs, random, sobol");
    }

    [Fact]
    public void An_unknown_analysis_model_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("analysis:\n  - {model: reading}\n"));

        Assert.Equal(new SpecError(2, 13, "analysis[0].model", "unknown analysis model 'reading'; did you mean 'readings'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_analyze_step_on_another_instrument_must_be_able_to_analyze()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: test-functions}\n  analyze: {instrument: xrd}\n"));

        SpecAssert.HasError(result, 3, 25, "steps.analyze.instrument", "instrument 'xrd' cannot serve the analyze step; it serves: measure");
    }

    [Fact]
    public void An_unchecked_catalog_accepts_any_name()
    {
        string yaml = SpecYaml.With("steps:\n  measure: {instrument: anything}\nstrategy: whatever\nanalysis:\n  - {model: unknown-model}\n");

        SpecAssert.Valid(SpecYaml.Load(yaml, SpecCatalog.Unchecked));
        Assert.Equal(3, SpecYaml.Load(yaml).Errors.Count);
    }
}
