using System.Text.Json;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.Journal;

/// <summary>Payload JSON reads like the wire contract, keeps user-chosen names, and never loses a value.</summary>
public sealed class JournalSerializerTests
{
    [Fact]
    public void Payloads_use_camelCase_properties_enum_names_and_dictionary_keys_as_written()
    {
        var objective = new ObjectiveDefinition { Name = "Yield", Direction = ObjectiveDirection.Maximize, Unit = "%" };
        var constraint = new LinearConstraint
        {
            Coefficients = new Dictionary<string, double> { ["Fraction_A"] = 1, ["fractionB"] = 1 },
            UpperBound = 1,
        };

        string objectiveJson = JournalSerializer.Serialize(objective);
        string constraintJson = JournalSerializer.Serialize(constraint);

        Assert.Equal("""{"name":"Yield","direction":"Maximize","unit":"%"}""", objectiveJson);
        Assert.Equal("""{"coefficients":{"Fraction_A":1,"fractionB":1},"upperBound":1,"label":""}""", constraintJson);
    }

    [Fact]
    public void Infinite_and_NaN_values_round_trip()
    {
        var limit = new EnvelopeLimit { Instrument = "xrd", Parameter = "x1" };
        var constraint = new LinearConstraint { Coefficients = new Dictionary<string, double> { ["x"] = double.NaN }, UpperBound = 0 };

        EnvelopeLimit back = JournalSerializer.Deserialize<EnvelopeLimit>(JournalSerializer.Serialize(limit));
        LinearConstraint nan = JournalSerializer.Deserialize<LinearConstraint>(JournalSerializer.Serialize(constraint));

        Assert.Equal(double.NegativeInfinity, back.Minimum);
        Assert.Equal(double.PositiveInfinity, back.Maximum);
        Assert.True(double.IsNaN(nan.Coefficients["x"]));
    }

    [Fact]
    public void Reading_a_payload_as_another_kinds_type_names_the_entry()
    {
        JournalEntry entry = Entry(JournalKinds.CampaignPaused, """{"campaignId":"7f2c7a43-0d1e-4a57-9d5c-2a1f1c9b6e01","timestamp":"2026-11-21T09:00:00+00:00"}""");

        JournalException error = Assert.Throws<JournalException>(() => entry.ReadPayload<CampaignEnded>());

        Assert.Equal("Journal entry 12 is a CampaignPaused, whose payload is CampaignPaused, not CampaignEnded.", error.Message);
        Assert.Equal(ManualClock.Epoch, entry.ReadPayload<CampaignPaused>().Timestamp);
    }

    [Fact]
    public void A_payload_missing_a_required_property_is_reported_with_its_entry()
    {
        JournalEntry entry = Entry(JournalKinds.CampaignPaused, """{"reason":"no ids"}""");

        JournalException error = Assert.Throws<JournalException>(() => entry.ReadPayload());

        Assert.StartsWith("Journal entry 12 (CampaignPaused) has a payload that is not a valid CampaignPaused:", error.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException);
    }

    [Fact]
    public void Every_kind_names_a_payload_type_and_unknown_kinds_are_refused()
    {
        Assert.Equal(17, JournalKinds.All.Count);
        Assert.All(JournalKinds.All, kind => Assert.NotNull(JournalKinds.PayloadTypeOf(kind)));
        Assert.Equal(typeof(StartCampaign), JournalKinds.PayloadTypeOf(JournalKinds.CampaignStarted));
        Assert.Throws<ArgumentException>(() => JournalKinds.PayloadTypeOf("campaignstarted"));
        Assert.Throws<JournalException>(() => Entry("SomethingNew", "{}").ReadPayload());
    }

    private static JournalEntry Entry(string kind, string payload) => new()
    {
        Sequence = 12,
        CampaignId = Guid.NewGuid(),
        Kind = kind,
        IdempotencyKey = "k",
        Timestamp = ManualClock.Epoch,
        Payload = payload,
    };
}
