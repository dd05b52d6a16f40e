using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Problems with the file or its YAML as a whole: each becomes one error with a clear place.</summary>
public class SpecSyntaxTests
{
    [Fact]
    public void A_yaml_syntax_error_becomes_one_error_at_the_parser_mark()
    {
        SpecError error = SpecAssert.SingleError(SpecYaml.Load("name: t\nspace: {a: 1\n"));

        Assert.Equal((3, 1, ""), (error.Line, error.Column, error.Path));
        Assert.StartsWith("YAML syntax error: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_the_yaml_reader_raises_without_a_mark_is_placed_after_the_last_good_value()
    {
        // YamlDotNet throws InvalidOperationException, not YamlException, for this unclosed list.
        SpecError error = SpecAssert.SingleError(SpecYaml.Load("name: t\nspace: [1, 2\nbudget: 3\n"));

        Assert.Equal((2, 10), (error.Line, error.Column));
        Assert.Equal("YAML syntax error: cannot read past this point; look for an unclosed '[', '{' or quote", error.Message);
    }

    [Fact]
    public void A_duplicate_key_is_reported_where_it_repeats()
    {
        SpecError error = SpecAssert.SingleError(SpecYaml.Load("name: a\nname: b\n"));

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Equal("duplicate key 'name'; each key may appear once in a mapping", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    [InlineData("~\n")]
    public void An_empty_spec_is_one_clear_error(string text)
    {
        SpecError error = SpecAssert.SingleError(SpecYaml.Load(text));

        Assert.Equal((1, 1, ""), (error.Line, error.Column, error.Path));
        Assert.StartsWith("the spec is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_reported_at_its_start()
    {
        SpecLoadResult result = SpecYaml.Load("- name: t\n- budget: 3\n");

        SpecAssert.HasError(result, 1, 1, "", "expected a mapping of keys to values, found a list");
        Assert.Null(result.Spec);
    }

    [Fact]
    public void A_second_yaml_document_is_reported_and_the_first_still_checked()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("budget: 0\n") + "---\nname: other\n");

        SpecAssert.HasError(result, 1, 9, "budget", "budget must be at least 1");
        SpecAssert.HasError(result, 12, 1, "", "a spec file holds one YAML document, found 2");
    }

    [Fact]
    public void A_missing_file_is_an_error_without_a_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"autolab-missing-{Guid.NewGuid():N}.yaml");

        SpecLoadResult result = CampaignSpecLoader.Load(path, TestCatalog.Full);

        SpecError error = SpecAssert.SingleError(result);
        Assert.Equal(0, error.Line);
        Assert.Equal($"{path}: file not found: '{path}'", SpecErrorFormatter.Format(path, error));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_directory_is_not_taken_for_a_spec_file()
    {
        string path = Path.GetTempPath();

        SpecError error = SpecAssert.SingleError(CampaignSpecLoader.Load(path, TestCatalog.Full));

        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_file_on_disk_loads_and_names_itself_in_errors()
    {
        string path = Path.Combine(Path.GetTempPath(), $"autolab-spec-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, SpecYaml.With("budget: -1\n"));
        try
        {
            SpecLoadResult result = CampaignSpecLoader.Load(path, TestCatalog.Full);

            Assert.Equal([$"{path}:1:9: budget: budget must be at least 1 experiment, found -1"], SpecErrorFormatter.FormatAll(result));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
