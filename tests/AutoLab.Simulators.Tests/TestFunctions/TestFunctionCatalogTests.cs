using AutoLab.Simulators.TestFunctions;

namespace AutoLab.Simulators.Tests.TestFunctions;

/// <summary>The catalogue makes functions by name and says clearly when a name or dimension does not fit.</summary>
public sealed class TestFunctionCatalogTests
{
    [Fact]
    public void It_knows_the_seven_standard_functions()
    {
        Assert.Equal(["ackley", "branin", "hartmann6", "levy", "rosenbrock", "sphere", "zdt1"], TestFunctionCatalog.Names);
    }

    [Theory]
    [InlineData("Branin", 2)]
    [InlineData("hartmann6", 6)]
    [InlineData("ZDT1", 30)]
    [InlineData("ackley", 2)]
    public void Names_are_case_insensitive_and_dimensions_default_sensibly(string name, int dimension)
    {
        Assert.Equal(dimension, TestFunctionCatalog.Create(name).Dimension);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => TestFunctionCatalog.Create("rastrigin"));

        Assert.StartsWith("unknown test function 'rastrigin'; known: ackley, branin, hartmann6, levy, rosenbrock, sphere, zdt1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_dimension_function_rejects_another_dimension()
    {
        var error = Assert.Throws<ArgumentException>(() => TestFunctionCatalog.Create("branin", 3));

        Assert.StartsWith("test function 'branin' has 2 inputs, not 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rosenbrock_needs_two_inputs()
    {
        var error = Assert.Throws<ArgumentException>(() => TestFunctionCatalog.Create("rosenbrock", 1));

        Assert.StartsWith("test function 'rosenbrock' cannot have 1 inputs (it needs at least 2)", error.Message, StringComparison.Ordinal);
    }
}
