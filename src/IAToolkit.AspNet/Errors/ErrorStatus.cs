using Microsoft.AspNetCore.WebUtilities;

namespace IAToolkit.AspNet.Errors;

/// <summary>The HTTP status of an error code, as <see cref="ErrorCatalog"/> maps every code.</summary>
internal static class ErrorStatus
{
    public static int For(string code) => ErrorCatalog.For(code).HttpStatus;

    public static string Title(int status) => ReasonPhrases.GetReasonPhrase(status);
}
