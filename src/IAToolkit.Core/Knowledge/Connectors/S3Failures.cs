using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>
/// Turns what the S3 client throws into <see cref="ErrorCodes.KnowledgeSourceUnavailable"/> with the bucket, the
/// prefix and S3's error code, in words an operator can act on. Credentials never appear: only the names of the
/// variables that hold them.
/// </summary>
internal static class S3Failures
{
    /// <summary>Whether <paramref name="exception"/> is a failure of the store (rather than a bug or the caller's cancellation).</summary>
    public static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AmazonServiceException or AmazonClientException or HttpRequestException or SocketException or IOException => true,
        _ => false,
    };

    /// <summary>The message and code for a failed request on <paramref name="location"/> (about <paramref name="key"/>, when one file).</summary>
    public static IAToolkitException Translate(Exception exception, S3Location location, S3ClientSettings settings, string? key)
    {
        var reason = exception switch
        {
            AmazonServiceException service when service.StatusCode != 0 || !string.IsNullOrEmpty(service.ErrorCode) => Describe(service, settings, key),
            OperationCanceledException => $"{settings.EndpointDisplay} did not answer in time",
            _ => $"{settings.EndpointDisplay} could not be reached: {Innermost(exception).Message}",
        };
        return new IAToolkitException(ErrorCodes.KnowledgeSourceUnavailable, $"{location} is not available: {reason}.", exception);
    }

    private static string Describe(AmazonServiceException exception, S3ClientSettings settings, string? key)
    {
        var code = string.IsNullOrEmpty(exception.ErrorCode) ? exception.StatusCode.ToString() : exception.ErrorCode;
        var words = code switch
        {
            "NoSuchBucket" => $"the bucket does not exist at {settings.EndpointDisplay}",
            "NoSuchKey" or "NotFound" when key is not null => $"{key} does not exist (any more)",
            "AccessDenied" or "AllAccessDisabled" or "Forbidden" => $"access denied; check the credentials in {CredentialsOf(settings)} and the bucket's policy",
            "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidToken" or "ExpiredToken" =>
                $"the credentials were refused; check {CredentialsOf(settings)}",
            "PermanentRedirect" or "AuthorizationHeaderMalformed" or "IllegalLocationConstraintException" =>
                $"the bucket is in another region than {settings.Region}; check the region variable",
            _ => string.IsNullOrWhiteSpace(exception.Message) ? "the request failed" : exception.Message.TrimEnd('.'),
        };
        return $"{words} (S3 error {code}, HTTP {(int)exception.StatusCode})";
    }

    private static string CredentialsOf(S3ClientSettings settings)
        => settings.AccessKeyId is null ? "the host's AWS credentials (no key variables are set)" : settings.CredentialVariables;

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }
}
