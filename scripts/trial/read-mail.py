"""Prints the subject, recipients and decoded text body of each .eml file named on the command line."""
import email
import email.policy
import sys

for path in sys.argv[1:]:
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    print("=== " + path)
    print("To: " + str(message["To"]))
    print("Subject: " + str(message["Subject"]))
    print("X-ParkFlow-Reason: " + str(message["X-ParkFlow-Reason"]))
    print(body.get_content() if body is not None else "")
