import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, flash, logIn, newAccount, saveScreen, signUp, uniqueEmail, uniqueSuffix } from "./support";

test.describe("organisations and members", () => {
  test("a founder creates a buying co-op, adds a member, and the member gets member-only access", async ({ browser }) => {
    const founder = newAccount("founder", "Rosa Founder");
    const member = newAccount("member", "Tomás Member");
    const organizationName = `Harbour Street Buyers ${uniqueSuffix()}`;

    const founderContext = await browser.newContext();
    const founderPage = await founderContext.newPage();

    await test.step("a new person signs up and lands on an empty dashboard", async () => {
      await signUp(founderPage, founder);
      await expect(founderPage.getByRole("heading", { name: "You're not part of an organisation yet" })).toBeVisible();
      await expect(founderPage.getByRole("banner")).toContainText(`Signed in as ${founder.name}`);
    });

    await test.step("they create an organisation", async () => {
      await founderPage.getByRole("link", { name: "Create an organisation" }).click();
      await expect(founderPage).toHaveURL(/\/dashboard\/organizations\/new$/);
      await expect(founderPage.getByRole("heading", { level: 1, name: "Create an organisation" })).toBeVisible();

      await founderPage.getByLabel("Name", { exact: true }).fill(organizationName);
      await founderPage.getByLabel("Kind of organisation").selectOption({ label: "Buying co-op" });
      await founderPage.getByLabel("Legal form").selectOption({ label: "Consumer co-operative" });
      await founderPage.getByLabel("Country").selectOption({ label: "Portugal" });
      await founderPage.getByLabel("Region, state or city").fill("Porto");
      await founderPage
        .getByLabel("Your story")
        .fill("Forty households on Harbour Street pool their orders so that everyone pays wholesale prices.");
      await founderPage.getByRole("button", { name: "Create organisation" }).click();

      await expect(founderPage).toHaveURL(/\/dashboard$/);
      await expect(flash(founderPage)).toContainText(`${organizationName} is created and you are its owner.`);
      await expect(founderPage.getByRole("heading", { level: 2, name: organizationName })).toBeVisible();
      await expect(founderPage.getByText("Buying co-op", { exact: true })).toBeVisible();
      await expect(founderPage.getByText("Your role: Owner")).toBeVisible();
      await expect(founderPage.getByRole("heading", { name: "You're not part of an organisation yet" })).toHaveCount(0);
    });

    await test.step("a second person signs up in their own browser", async () => {
      const memberContext = await browser.newContext();
      const memberPage = await memberContext.newPage();
      await signUp(memberPage, member);
      await expect(memberPage.getByRole("heading", { name: "You're not part of an organisation yet" })).toBeVisible();
      await memberContext.close();
    });

    await test.step("the founder adds them as a member by email", async () => {
      await founderPage.getByRole("complementary", { name: "Dashboard" }).getByRole("link", { name: "Members" }).click();
      await expect(founderPage).toHaveURL(/\/dashboard\/members$/);
      await expect(founderPage.getByRole("heading", { level: 1, name: `Members of ${organizationName}` })).toBeVisible();
      await expect(founderPage.getByRole("heading", { name: "1 member", exact: true })).toBeVisible();

      await founderPage.getByLabel("Email", { exact: true }).fill(member.email);
      await founderPage.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
      await founderPage.getByRole("button", { name: "Add member" }).click();

      await expect(flash(founderPage)).toContainText(`${member.name} is now a member of ${organizationName}.`);
      await expect(founderPage.getByRole("heading", { name: "2 members", exact: true })).toBeVisible();
      // A successful add leaves an empty form for the next person.
      await expect(founderPage.getByLabel("Email", { exact: true })).toHaveValue("");
      const memberRow = founderPage.getByRole("listitem").filter({ hasText: member.email });
      await expect(memberRow).toContainText(member.name);
      await expect(memberRow.getByLabel(`Role of ${member.name}`)).toHaveValue("MEMBER");
      await expect(founderPage.getByRole("listitem").filter({ hasText: founder.email })).toContainText("(you)");
      await saveScreen(founderPage, "dashboard-members");
    });

    await test.step("the new member logs in and acts for the organisation", async () => {
      const memberContext = await browser.newContext();
      const memberPage = await memberContext.newPage();
      await logIn(memberPage, member.email, member.password);

      const sidebar = memberPage.getByRole("complementary", { name: "Dashboard" });
      await expect(sidebar.getByText("Acting for")).toBeVisible();
      await expect(sidebar.getByText(organizationName, { exact: true })).toBeVisible();
      await expect(sidebar).toContainText("Your role: Member");
      await expect(memberPage.getByRole("heading", { level: 2, name: organizationName })).toBeVisible();
      // Members may not edit the profile, so the dashboard does not offer it.
      await expect(sidebar.getByRole("link", { name: "Organisation profile" })).toHaveCount(0);

      await test.step("the organisation profile form is forbidden", async () => {
        const response = await memberPage.goto("/dashboard/settings");
        expect(response?.status()).toBe(403);
        await expect(memberPage.getByRole("heading", { level: 1, name: "You can't open this page" })).toBeVisible();
        await expect(memberPage.getByText("doesn't allow this. Ask an owner or admin.")).toBeVisible();
        await expect(memberPage.getByRole("button", { name: "Save profile" })).toHaveCount(0);
        await expect(memberPage.getByLabel("Your story")).toHaveCount(0);
        await expect(memberPage.getByRole("link", { name: "Back to your dashboard" })).toBeVisible();
        // Still inside the site layout.
        await expect(memberPage.getByRole("banner")).toContainText(`Signed in as ${member.name}`);
      });

      await test.step("the members page lists everyone but offers no add form", async () => {
        await memberPage.goto("/dashboard/members");
        await expect(memberPage.getByRole("heading", { level: 1, name: `Members of ${organizationName}` })).toBeVisible();
        await expect(memberPage.getByRole("heading", { name: "2 members", exact: true })).toBeVisible();
        await expect(memberPage.getByText(founder.email)).toBeVisible();
        await expect(memberPage.getByText(member.email)).toBeVisible();
        await expect(memberPage.getByRole("heading", { name: "Add a member" })).toHaveCount(0);
        await expect(memberPage.getByRole("button", { name: "Add member" })).toHaveCount(0);
        await expect(memberPage.getByRole("button", { name: "Change role" })).toHaveCount(0);
        // The only action a member has is to leave.
        await expect(memberPage.getByRole("button", { name: "Remove" })).toHaveCount(0);
        await expect(memberPage.getByRole("button", { name: "Leave" })).toHaveCount(1);
      });

      await test.step("logging out ends the session", async () => {
        await memberPage.getByRole("banner").getByRole("button", { name: "Log out" }).click();
        await expect(memberPage).toHaveURL(/\/$/);
        await expect(memberPage.getByRole("banner").getByRole("link", { name: "Log in" })).toBeVisible();
        await memberPage.goto("/dashboard");
        await expect(memberPage).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/);
        await expect(memberPage.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
      });
      await memberContext.close();
    });

    await founderContext.close();
  });

  test("an invitation for an email without an account is accepted by signing up", async ({ browser }) => {
    const organizationName = "Sierra Verde Coffee Cooperative";
    const invitee = newAccount("invitee", "Inés Invited");

    const ownerContext = await browser.newContext();
    const ownerPage = await ownerContext.newPage();
    let invitationLink = "";

    await test.step("the owner adds an email that has no account", async () => {
      await logIn(ownerPage, "lucia@sierraverde.demo", DEMO_PASSWORD);
      await ownerPage.goto("/dashboard/members");
      await expect(ownerPage.getByRole("heading", { level: 1, name: `Members of ${organizationName}` })).toBeVisible();
      await ownerPage.getByLabel("Email", { exact: true }).fill(invitee.email);
      await ownerPage.getByRole("button", { name: "Add member" }).click();

      await expect(flash(ownerPage)).toContainText(`${invitee.email} has no account yet: we created an invitation.`);
      const pending = ownerPage.getByRole("region", { name: "Pending invitations" });
      await expect(pending).toBeVisible();
      const invitation = pending.getByRole("listitem").filter({ hasText: invitee.email });
      await expect(invitation).toContainText(`${invitee.email} · Member`);
      const linkField = invitation.getByRole("textbox", { name: "Invitation link" });
      await expect(linkField).toHaveValue(/^http:\/\/localhost:3100\/invitations\/[A-Za-z0-9_-]+$/);
      invitationLink = await linkField.inputValue();
    });

    await test.step("the invitee opens the link and signs up with that email", async () => {
      const inviteeContext = await browser.newContext();
      const inviteePage = await inviteeContext.newPage();
      await inviteePage.goto(invitationLink);
      await expect(inviteePage.getByRole("heading", { level: 1, name: `Join ${organizationName}` })).toBeVisible();
      await expect(inviteePage.getByRole("main")).toContainText(`Lucía Huamán invited ${invitee.email} to join as member.`);

      await inviteePage.getByRole("link", { name: `Sign up as ${invitee.email}` }).click();
      await expect(inviteePage).toHaveURL(/\/signup\?redirectTo=%2Fdashboard$/);
      await inviteePage.getByLabel("Your name", { exact: true }).fill(invitee.name);
      await inviteePage.getByLabel("Email", { exact: true }).fill(invitee.email);
      await inviteePage.getByLabel("Password", { exact: true }).fill(invitee.password);
      await inviteePage.getByRole("button", { name: "Create account" }).click();

      await expect(inviteePage).toHaveURL(/\/dashboard$/);
      await expect(inviteePage.getByRole("heading", { level: 1, name: `Welcome, ${invitee.name}` })).toBeVisible();
      await expect(inviteePage.getByRole("heading", { level: 2, name: organizationName })).toBeVisible();
      await expect(inviteePage.getByText("Your role: Member")).toBeVisible();
      await expect(inviteePage.getByRole("heading", { name: "You're not part of an organisation yet" })).toHaveCount(0);
      await expect(inviteePage.getByRole("heading", { name: "Invitations waiting for you" })).toHaveCount(0);

      // The link is single-use.
      const reopened = await inviteePage.goto(invitationLink);
      expect(reopened?.status()).toBe(404);
      await expect(inviteePage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await inviteeContext.close();
    });

    await test.step("the owner sees them as a member and the invitation gone", async () => {
      await ownerPage.reload();
      const newMember = ownerPage.getByRole("listitem").filter({ hasText: invitee.email });
      await expect(newMember).toContainText(invitee.name);
      await expect(newMember.getByLabel(`Role of ${invitee.name}`)).toHaveValue("MEMBER");
      await expect(ownerPage.getByRole("textbox", { name: "Invitation link" })).toHaveCount(0);
    });

    await ownerContext.close();
  });

  test("an invitation link is not accepted by a different signed-in account", async ({ browser }) => {
    const ownerContext = await browser.newContext();
    const ownerPage = await ownerContext.newPage();
    const email = uniqueEmail("someone-else");
    await logIn(ownerPage, "lucia@sierraverde.demo", DEMO_PASSWORD);
    await ownerPage.goto("/dashboard/members");
    await ownerPage.getByLabel("Email", { exact: true }).fill(email);
    await ownerPage.getByRole("button", { name: "Add member" }).click();
    const linkField = ownerPage
      .getByRole("listitem")
      .filter({ hasText: email })
      .getByRole("textbox", { name: "Invitation link" });
    const link = await linkField.inputValue();

    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    await logIn(otherPage, "casey@shopper.demo", DEMO_PASSWORD);
    await otherPage.goto(link);
    await expect(otherPage.getByRole("main")).toContainText(`You are signed in as casey@shopper.demo. Log out and log in (or sign up) as ${email} to accept.`);
    await expect(otherPage.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);

    // Tidy up: withdraw the invitation again.
    await ownerPage.getByRole("listitem").filter({ hasText: email }).getByRole("button", { name: "Withdraw" }).click();
    await expect(flash(ownerPage)).toContainText("Invitation withdrawn.");
    await expect(ownerPage.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);
    await otherContext.close();
    await ownerContext.close();
  });
});
