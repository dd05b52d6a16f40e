namespace AutoLab.Analysis.BeamRegression;

/// <summary>One planar insertion device (undulator or wiggler) of the storage ring, as the beam-size forward model sees it.</summary>
/// <param name="Name">Label, e.g. "U50".</param>
/// <param name="PeriodMm">Period λu (mm).</param>
/// <param name="LengthM">Magnetic length (m).</param>
/// <param name="MinGapMm">Smallest operating gap (mm).</param>
/// <param name="MaxGapMm">Largest operating gap (mm).</param>
/// <param name="BetaY">Vertical beta function at the device (m).</param>
/// <param name="PhaseTunes">Vertical betatron phase advance from the source point to the device (in tunes, 2π rad each).</param>
/// <param name="CouplingPerTesla2">Betatron coupling added per T² of peak field (field errors and roll), dimensionless.</param>
public sealed record InsertionDevice(
    string Name,
    double PeriodMm,
    double LengthM,
    double MinGapMm,
    double MaxGapMm,
    double BetaY,
    double PhaseTunes,
    double CouplingPerTesla2);
