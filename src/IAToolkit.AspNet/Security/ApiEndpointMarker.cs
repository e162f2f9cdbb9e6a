namespace IAToolkit.AspNet.Security;

/// <summary>Endpoint metadata: an API endpoint, whose refusals are ProblemDetails rather than redirects.</summary>
internal sealed class ApiEndpointMarker
{
    public static readonly ApiEndpointMarker Instance = new();
}
