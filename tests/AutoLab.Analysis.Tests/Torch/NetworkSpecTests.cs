using System.Text.Json;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Tests.Torch;

/// <summary>Network specs are checked in C# (naming the field) and round-trip through JSON.</summary>
public class NetworkSpecTests
{
    private static readonly NetworkSpec Cnn = new()
    {
        Kind = NetworkKind.Cnn1D,
        InputLength = 64,
        Outputs = 4,
        ConvChannels = [8, 16],
        ConvKernels = [5, 3],
        Pool = 2,
        HiddenSizes = [32],
        Dropout = 0.2f,
        Seed = 3,
    };

    public static TheoryData<string, NetworkSpec> BadSpecs => new()
    {
        { "InputLength", Cnn with { InputLength = 0 } },
        { "Outputs", Cnn with { Outputs = 0 } },
        { "Dropout", Cnn with { Dropout = 1f } },
        { "HiddenSizes", Cnn with { HiddenSizes = [0] } },
        { "ConvChannels", Cnn with { ConvChannels = [] , ConvKernels = [] } },
        { "ConvKernels", Cnn with { ConvKernels = [4, 3] } },
        { "ConvKernels", Cnn with { ConvKernels = [5] } },
        { "Pool", Cnn with { Pool = 0 } },
        { "InputLength", Cnn with { InputLength = 3 } },
        { "InputChannels", Cnn with { InputChannels = 0 } },
        { "InputChannels", new NetworkSpec { InputLength = 4, Outputs = 1, InputChannels = 2 } },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void An_invalid_field_is_named(string field, NetworkSpec spec)
    {
        Assert.Equal(field, Assert.Throws<ArgumentException>(spec.Validate).ParamName);
    }

    [Fact]
    public void A_valid_spec_passes_and_survives_json()
    {
        Cnn.Validate();
        NetworkSpec copy = JsonSerializer.Deserialize<NetworkSpec>(JsonSerializer.Serialize(Cnn))!;

        Assert.Equal(Cnn.ConvChannels, copy.ConvChannels);
        Assert.Equal(Cnn.ConvKernels, copy.ConvKernels);
        Assert.Equal(Cnn.HiddenSizes, copy.HiddenSizes);
        Assert.Equal(Cnn with { ConvChannels = copy.ConvChannels, ConvKernels = copy.ConvKernels, HiddenSizes = copy.HiddenSizes }, copy);
    }

    [Fact]
    public void A_spec_saved_before_input_channels_existed_reads_as_one_channel()
    {
        string json = JsonSerializer.Serialize(Cnn with { InputChannels = 2 }).Replace("\"InputChannels\":2,", string.Empty, StringComparison.Ordinal);

        NetworkSpec copy = JsonSerializer.Deserialize<NetworkSpec>(json)!;

        Assert.DoesNotContain("InputChannels", json, StringComparison.Ordinal);
        Assert.DoesNotContain("InputWidth", json, StringComparison.Ordinal);
        Assert.Equal(1, copy.InputChannels);
        Assert.Equal(64, copy.InputWidth);
    }
}
