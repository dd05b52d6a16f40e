namespace AutoLab.Simulators.Crystallography;

/// <summary>One CIF token with the line it starts on.</summary>
/// <param name="Text">The token without quotes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Quoted">Whether it was quoted or a text field (so "loop_" in quotes is a value, not a keyword).</param>
public readonly record struct CifToken(string Text, int Line, bool Quoted)
{
    /// <summary>Whether this is a data name such as "_cell_length_a".</summary>
    public bool IsTag => !Quoted && Text.StartsWith('_');

    /// <summary>Whether this is a reserved word (data_, loop_, save_, global_, stop_) that cannot be a value.</summary>
    public bool IsKeyword => !Quoted && (Text.StartsWith("data_", StringComparison.OrdinalIgnoreCase)
        || Text.Equals("loop_", StringComparison.OrdinalIgnoreCase)
        || Text.StartsWith("save_", StringComparison.OrdinalIgnoreCase)
        || Text.Equals("global_", StringComparison.OrdinalIgnoreCase)
        || Text.Equals("stop_", StringComparison.OrdinalIgnoreCase));
}
