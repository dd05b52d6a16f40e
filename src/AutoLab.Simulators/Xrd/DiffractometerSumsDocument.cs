using System.Text.Json.Serialization;

namespace AutoLab.Simulators.Xrd;

/// <summary>The JSON shape of a sums file (see <see cref="DiffractometerSumsFile"/>); all members are required.</summary>
internal sealed class DiffractometerSumsDocument
{
    /// <summary>The format tag written today.</summary>
    public const string CurrentFormat = "autolab.diffractometer-sums/1";

    [JsonPropertyName("format")]
    public string? Format { get; set; }

    [JsonPropertyName("key")]
    public string? Key { get; set; }

    [JsonPropertyName("grid_start")]
    public double GridStart { get; set; }

    [JsonPropertyName("grid_stop")]
    public double GridStop { get; set; }

    [JsonPropertyName("grid_step")]
    public double GridStep { get; set; }

    [JsonPropertyName("grid_count_time")]
    public double GridCountTime { get; set; }

    [JsonPropertyName("grid_points")]
    public int GridPoints { get; set; }

    [JsonPropertyName("scans")]
    public int Scans { get; set; }

    [JsonPropertyName("seconds")]
    public double Seconds { get; set; }

    [JsonPropertyName("added")]
    public List<DiffractometerScanId>? Added { get; set; }

    [JsonPropertyName("counts")]
    public double[]? Counts { get; set; }

    [JsonPropertyName("exposure")]
    public double[]? Exposure { get; set; }
}
