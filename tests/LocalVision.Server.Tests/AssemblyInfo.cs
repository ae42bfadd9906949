[assembly: AssemblyFixture(typeof(LocalVision.Testing.Hosting.SeededServerFixture))]
[assembly: AssemblyFixture(typeof(LocalVision.Server.Tests.Dashboard.DashboardBrowser))]
