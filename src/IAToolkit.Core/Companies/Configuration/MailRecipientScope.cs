using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>mail_provider.tool.allowed_recipients</c>: whom the assistant's <c>iat_send_email</c> may write to.</summary>
internal enum MailRecipientScope
{
    /// <summary><c>self</c>: only the asking user's own address.</summary>
    Self,

    /// <summary><c>domains</c> (the default): the asking user's own address and addresses in <c>allowed_domains</c>.</summary>
    Domains,

    /// <summary><c>any</c>: any address. A prompt-injected model can then mail data anywhere; caps and rates still apply.</summary>
    Any,
}
