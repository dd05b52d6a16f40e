namespace AutoLab.Orchestrator.Tests.StateMachines.Doubles;

/// <summary>A message leaving the saga, with the journal kinds already written when it left.</summary>
public sealed record JournalSnapshot(object Message, IReadOnlyList<string> JournaledKinds);
