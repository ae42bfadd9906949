[assembly: AssemblyFixture(typeof(LocalVision.Server.Tests.Hosting.SeededServerFixture))]
[assembly: AssemblyFixture(typeof(LocalVision.Server.Tests.Dashboard.DashboardBrowser))]
