using System.Text.Json.Serialization;

namespace IAToolkit.AspNet.Hosting;

/// <summary>The body of <c>GET /version</c>, shaped as the Python IAToolkit answers it.</summary>
/// <param name="Version">The framework version.</param>
internal sealed record VersionResponse([property: JsonPropertyName("iatoolkit_version")] string Version);
