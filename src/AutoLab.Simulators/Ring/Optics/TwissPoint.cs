namespace AutoLab.Simulators.Ring.Optics;

/// <summary>The linear optics at the exit of one element.</summary>
/// <param name="Element">Element name ("START" for the ring's start).</param>
/// <param name="S">Position along the ring (m).</param>
/// <param name="BetaX">Horizontal beta function (m).</param>
/// <param name="AlphaX">Horizontal alpha function.</param>
/// <param name="BetaY">Vertical beta function (m).</param>
/// <param name="AlphaY">Vertical alpha function.</param>
/// <param name="EtaX">Horizontal dispersion (m).</param>
/// <param name="EtaPx">Derivative of the horizontal dispersion (rad).</param>
/// <param name="MuX">Horizontal phase advance from the start (rad).</param>
/// <param name="MuY">Vertical phase advance from the start (rad).</param>
public sealed record TwissPoint(
    string Element, double S, double BetaX, double AlphaX, double BetaY, double AlphaY, double EtaX, double EtaPx, double MuX, double MuY);
