using System.Diagnostics;

namespace IAToolkit.Diagnostics;

/// <summary>
/// How a failed span is marked: status Error and <c>error.type</c> (OpenTelemetry's attribute) set to the error code of
/// an <see cref="IAToolkitException"/>, else the exception's type name. Never the message: it may quote a question, a
/// query or company data, and spans leave the host.
/// </summary>
internal static class SpanFailure
{
    /// <summary>Marks <paramref name="activity"/> (if any) failed and returns the <c>error.type</c> it was given.</summary>
    public static string Mark(Activity? activity, Exception exception)
    {
        var type = ErrorType(exception);
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag(Telemetry.ErrorTypeTag, type);
        }

        return type;
    }

    /// <summary>The <c>error.type</c> of <paramref name="exception"/>.</summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        IAToolkitException coded => coded.Code,
        OperationCanceledException => "canceled",
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}
