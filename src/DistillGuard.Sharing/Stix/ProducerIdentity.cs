using System.Text.Json.Nodes;

namespace DistillGuard.Sharing.Stix;

/// <summary>The provider that produces a bundle; its STIX identity id is derived from its name.</summary>
/// <param name="Name">The name peers know the producer by, e.g. "Example AI Lab".</param>
/// <param name="ContactInformation">How peers reach the producer's threat-intelligence team, if shared.</param>
public sealed record ProducerIdentity(string Name, string? ContactInformation = null)
{
    /// <summary>The deterministic <c>identity--</c> id of this producer.</summary>
    public string StixId => Uuid5.StixId("identity", "producer\n" + Name);

    /// <summary>A deterministic id for an object that plays <paramref name="role"/> for <paramref name="subject"/>.</summary>
    internal string ObjectId(string type, string subject, string role) =>
        Uuid5.StixId(type, Name + "\n" + subject + "\n" + role);

    /// <summary>The producer's <c>identity</c> object.</summary>
    internal JsonObject ToStix(DateTimeOffset created, DateTimeOffset modified, string markingId)
    {
        var identity = new JsonObject
        {
            ["type"] = "identity",
            ["spec_version"] = "2.1",
            ["id"] = StixId,
            ["created"] = StixJson.Timestamp(created),
            ["modified"] = StixJson.Timestamp(modified > created ? modified : created),
            ["name"] = Name,
            ["identity_class"] = "organization",
            ["object_marking_refs"] = StixJson.Strings([markingId]),
        };
        if (!string.IsNullOrWhiteSpace(ContactInformation))
        {
            identity["contact_information"] = ContactInformation;
        }

        return identity;
    }
}
