using AutoLab.Orchestrator.Exports;

namespace AutoLab.Orchestrator.Tests.Exports;

/// <summary>Document uids are RFC 9562 version-5 UUIDs, the same as Python's <c>uuid.uuid5</c> gives.</summary>
public sealed class DeterministicUidTests
{
    [Fact]
    public void The_uid_matches_Pythons_uuid5_for_the_DNS_namespace_test_vector()
    {
        // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))"
        var dns = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"), DeterministicUid.Create(dns, "python.org"));
    }
}
