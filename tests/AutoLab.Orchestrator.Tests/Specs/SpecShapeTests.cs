using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Keys and value types: unknown keys, missing required keys, numbers where numbers belong.</summary>
public class SpecShapeTests
{
    [Fact]
    public void An_unknown_top_level_key_suggests_the_closest_known_one()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("batchsize: 4\n"));

        SpecError error = SpecAssert.SingleError(result);
        Assert.Equal(new SpecError(1, 1, "batchsize", "unknown key 'batchsize' at the top level; did you mean 'batch_size'?"), error);
    }

    [Fact]
    public void An_unknown_nested_key_without_a_close_match_lists_the_known_keys()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: test-functions, colour: red}\n"));

        SpecAssert.HasError(result, 2, 41, "steps.measure.colour",
            "unknown key 'colour' in steps.measure; expected one of: attempts, backoff, instrument, options, timeout");
    }

    [Fact]
    public void A_missing_required_key_is_reported_at_the_mapping_that_lacks_it()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.Without("budget"));

        Assert.Equal(new SpecError(1, 1, "budget", "missing required key 'budget' at the top level"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_required_key_without_a_value_is_reported_at_the_key()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("name:\n"));

        SpecAssert.HasError(result, 1, 6, "name", "'name' is required but has no value");
    }

    [Fact]
    public void Text_where_a_number_belongs_is_reported_at_the_value()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: continuous, bounds: [0, ten]}\n"));

        Assert.Equal(new SpecError(2, 46, "space[0].bounds[1]", "expected a number, found 'ten'"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_quoted_number_is_text_and_the_message_says_to_unquote_it()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("budget: \"10\"\n"));

        SpecAssert.HasError(result, 1, 9, "budget", "expected a whole number, found the quoted text \"10\" (remove the quotes)");
    }

    [Fact]
    public void A_fraction_where_a_whole_number_belongs_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("budget: 10.5\n"));

        SpecAssert.HasError(result, 1, 9, "budget", "expected a whole number, found '10.5'");
    }

    [Fact]
    public void Yes_is_not_a_boolean_in_yaml_1_2()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("approval: yes\n"));

        SpecAssert.HasError(result, 1, 11, "approval", "expected true or false, found 'yes'");
    }

    [Fact]
    public void A_duration_that_cannot_be_read_shows_the_accepted_forms()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: test-functions, timeout: soon}\n"));

        SpecAssert.HasError(result, 2, 50, "steps.measure.timeout", "expected a duration such as 250ms, 30s, 5m, 2h or a number of seconds, found 'soon'");
    }

    [Fact]
    public void A_list_where_an_option_value_belongs_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: test-functions, options: {function: [a, b]}}\n"));

        SpecAssert.HasError(result, 2, 61, "steps.measure.options.function", "option values must be single values");
    }

    [Fact]
    public void A_mapping_where_a_list_belongs_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  x1: {type: continuous}\n"));

        Assert.Equal(new SpecError(2, 3, "space", "expected a list, found a mapping"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_unknown_parameter_type_suggests_the_closest()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: n, type: integr, bounds: [1, 8]}\n"));

        Assert.Equal(new SpecError(2, 21, "space[0].type", "'integr' is not a valid type; did you mean 'integer'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_numeric_parameter_without_bounds_is_reported_at_the_parameter()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: continuous}\n"));

        Assert.Equal(new SpecError(2, 5, "space[0].bounds", "missing required key 'bounds' in space[0] for a continuous parameter"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void Bounds_need_exactly_two_numbers()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: continuous, bounds: [0, 1, 2]}\n"));

        Assert.Equal(new SpecError(2, 42, "space[0].bounds", "expected two numbers [lower, upper], found 3 values"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_categorical_parameter_with_bounds_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: s, type: categorical, choices: [a, b], bounds: [0, 1]}\n"));

        SpecAssert.HasError(result, 2, 59, "space[0].bounds", "a categorical parameter takes 'choices', not 'bounds'");
    }

    [Fact]
    public void A_numeric_parameter_with_choices_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: integer, bounds: [0, 4], choices: [1, 2]}\n"));

        SpecAssert.HasError(result, 2, 56, "space[0].choices", "an integer parameter takes 'bounds', not 'choices'");
    }

    [Fact]
    public void A_broken_field_is_not_reported_again_by_the_rules()
    {
        // The parser reports the unreadable bound; the rule "lower below upper" must not add a second error.
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: continuous, bounds: [5, x]}\n"));

        Assert.Equal("space[0].bounds[1]", SpecAssert.SingleError(result).Path);
    }

    [Fact]
    public void A_key_that_is_not_text_is_reported_and_the_rest_still_checked()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("[a, b]: 1\nbudget: 0\n"));

        SpecAssert.HasError(result, 1, 1, "", "keys must be text, found a list at the top level");
        SpecAssert.HasError(result, 2, 9, "budget", "budget must be at least 1");
    }
}
