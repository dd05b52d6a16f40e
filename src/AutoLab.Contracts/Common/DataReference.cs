namespace AutoLab.Contracts;

/// <summary>
/// A claim check: large data (a diffraction pattern, a detector frame) stored as a file and passed
/// by reference instead of inline in a message.
/// </summary>
public sealed record DataReference
{
    /// <summary>Short key naming the data within its measurement, e.g. "pattern" or "frame".</summary>
    public required string Key { get; init; }

    /// <summary>Where the data lives: a path relative to the run folder, or an absolute file URI.</summary>
    public required string Uri { get; init; }

    /// <summary>Media type of the content, e.g. "text/csv" or "application/json".</summary>
    public string MediaType { get; init; } = "application/octet-stream";

    /// <summary>Size of the content in bytes, or -1 when unknown.</summary>
    public long Length { get; init; } = -1;

    /// <summary>Lower-case hex SHA-256 of the content, when the producer computed one.</summary>
    public string? Sha256 { get; init; }
}
