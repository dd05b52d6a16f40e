using System.Text.Json.Nodes;

namespace AutoLab.Orchestrator.Exports;

/// <summary>One Bluesky event-model document: its name (<c>start</c>, <c>descriptor</c>, <c>event</c>, <c>stop</c>) and body.</summary>
/// <param name="Name">The document type, as the event-model's <c>DocumentNames</c> spell it.</param>
/// <param name="Body">The document itself.</param>
public sealed record BlueskyDocument(string Name, JsonObject Body);
