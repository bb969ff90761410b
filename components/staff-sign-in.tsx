export interface StaffSignInProps {
  providerName: string;
  message?: { type: 'info' | 'warning' | 'error'; text: string };
}

/** Why the desk needs a sign-in, and the button to start one (a plain GET form: no JavaScript needed). */
export function StaffSignIn({ providerName, message }: StaffSignInProps) {
  return (
    <>
      {message && (
        <div className={`usa-alert usa-alert--${message.type} margin-top-2`} role={message.type === 'error' ? 'alert' : 'status'}>
          <div className="usa-alert__body">
            <p className="usa-alert__text">{message.text}</p>
          </div>
        </div>
      )}
      <p>The staff desk lists drafts and scheduled articles and makes preview links. It is for staff who sign in.</p>
      <form method="get" action="/api/auth/sign-in">
        <input type="hidden" name="returnTo" value="/preview" />
        <button type="submit" className="usa-button">
          Sign in with {providerName}
        </button>
      </form>
    </>
  );
}
