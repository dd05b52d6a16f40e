namespace AutoLab.Orchestrator.Demixing;

/// <summary>One NMF component of a library: a basis pattern and the analysis output its weights follow best.</summary>
/// <param name="Index">1-based component number, as in the output files.</param>
/// <param name="Basis">The basis pattern on the library's axis (preprocessed scale: background removed, maximum 1 per pattern).</param>
/// <param name="Label">The analysis output (e.g. <c>fraction_ni3al</c>) whose values across the samples correlate best with this component's weights; null when no output was offered or none correlates positively.</param>
/// <param name="Correlation">Pearson correlation between the weights and <see cref="Label"/>'s values over the samples (0 without a label).</param>
public sealed record DemixComponent(int Index, float[] Basis, string? Label, double Correlation);
