using System.Net;
using System.Net.Sockets;

namespace LocalVision.Server.Hosting;

/// <summary>
/// Tries an address and port before the host starts, so a port another program holds stops start-up with one line
/// saying so, instead of the host's failure log and stack trace (Kestrel still refuses it if it is taken in between).
/// </summary>
public static class PortProbe
{
    /// <exception cref="StartupConfigurationException">The port cannot be bound on the address.</exception>
    public static void ThrowIfTaken(IPAddress address, int port, string setting)
    {
        if (port == 0)
        {
            return;
        }
        try
        {
            var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
        }
        catch (SocketException e)
        {
            var why = e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "is in use by another program",
                SocketError.AddressNotAvailable => "is not an address of this machine",
                SocketError.AccessDenied => "needs privileges this process lacks",
                _ => $"cannot be bound ({e.Message})",
            };
            throw new StartupConfigurationException(
                $"{new IPEndPoint(address, port)} {why}; stop what holds it, or choose another {setting} (or --bind)");
        }
    }
}
