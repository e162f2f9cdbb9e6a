using System.Xml.Linq;
using IAToolkit.Configuration;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// Reads a key encrypted by <see cref="SecretKeyXmlEncryptor"/>. Data Protection creates it from the type name stored
/// beside the key, through its activator, which calls this public constructor with the host's services.
/// </summary>
internal sealed class SecretKeyXmlDecryptor : IXmlDecryptor
{
    private readonly KeyRingCipher _cipher;

    public SecretKeyXmlDecryptor(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _cipher = services.GetService<KeyRingCipher>()
            ?? new KeyRingCipher(services.GetRequiredService<IOptions<SecurityOptions>>().Value.SecretKey!);
    }

    public XElement Decrypt(XElement encryptedElement) => _cipher.Decrypt(encryptedElement);
}
