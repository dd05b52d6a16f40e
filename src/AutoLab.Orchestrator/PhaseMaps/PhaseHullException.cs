namespace AutoLab.Orchestrator.PhaseMaps;

/// <summary>A run folder's calls cannot be fitted: a composition knob or a presence output is missing or not a number.</summary>
/// <param name="message">What is wrong and where.</param>
public sealed class PhaseHullException(string message) : Exception(message);
