using IAToolkit.Companies;

namespace IAToolkit.Mail;

/// <summary>A mail waiting in the <see cref="MailOutbox"/>.</summary>
/// <param name="Company">Whose mail settings send it.</param>
/// <param name="Message">The message.</param>
/// <param name="Kind">What it is, for the log (<c>verification</c>, <c>password reset</c>).</param>
/// <param name="Attempt">How many times sending it failed.</param>
internal sealed record QueuedMail(Company Company, MailMessageSpec Message, string Kind, int Attempt = 0);
