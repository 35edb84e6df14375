/** The outcome of an administrator's save, announced to screen readers. */
export function AdminMessage({ message }: { message: { isError: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error' : 'hint'}>
      {message.text}
    </p>
  );
}
